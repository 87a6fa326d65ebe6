package dev.graft.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden case per refactoring: {@code golden/refactorings/<case>/catalog/*.yaml} is a small
 * catalog (its first version sets up tables and rows), {@code <case>/expected/} holds every file
 * the generator writes for it. Each case is also migrated with stock Flyway and its migrations
 * after the first run again, which must change neither schema nor data. A new case is a new
 * folder; regenerate the expected files with {@code -Dgraft.golden.update=true}.
 */
class RefactoringGoldenTest {

    static final Path CASES = GoldenTest.GOLDEN.resolve("refactorings");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("catalog"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedFilesMatchTheGoldenFilesAndApplyTwice(String name) throws Exception {
        Path catalog = CASES.resolve(name).resolve("catalog");
        List<Path> yaml;
        try (Stream<Path> files = Files.list(catalog)) {
            yaml = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        Scenario scenario = Scenario.named("golden_" + name.replace('-', '_'));
        for (Path f : yaml) {
            scenario.file(f.getFileName().toString(), Files.readString(f));
        }
        try (Scenario s = scenario) {
            List<GeneratedFile> files = s.generate();
            assertThat(files).as("generated files of " + name).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.kind()).as(f.path() + ": golden cases run SQL migrations only")
                            .isNotEqualTo(GeneratedFile.Kind.JAVA));
            for (GeneratedFile f : files) {
                GoldenTest.assertGolden("refactorings/" + name + "/expected/" + f.path().getFileName(), f.content());
            }
            String first = files.get(0).migration().version().toString();
            String last = files.get(files.size() - 1).migration().version().toString();
            s.applyTwice(first, last);
        }
    }
}
