package dev.graft.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid inputs are data: one folder per bad case under invalid/, with the exact expected problems. */
class InvalidCatalogTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(InvalidCatalogTest.class.getResource("/invalid").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblems(String name) throws Exception {
        Path dir = root().resolve(name);
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();

        CatalogException thrown = catchThrowableOfType(CatalogException.class, () -> Catalog.read(dir));

        assertThat(thrown).as("catalog %s must be rejected", name).isNotNull();
        assertThat(thrown.problems()).map(Problem::toString).containsExactlyElementsOf(expected);
        assertThat(thrown.getMessage()).isEqualTo(String.join("\n", expected));
    }

    @Test
    void thereAreAtLeastFortyCases() throws Exception {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }
}
