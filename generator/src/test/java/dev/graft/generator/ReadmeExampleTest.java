package dev.graft.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's generator example, run as written on the inventory example catalog. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleIsThisCodeAndWritesThenReportsNoDrift(@TempDir Path out) throws Exception {
        Path catalogDirectory = Path.of("..", "examples", "inventory", "src", "main", "graft");
        GeneratorConfig config = GeneratorConfig.builder().sqlOutput(out.resolve("sql")).javaOutput(out.resolve("java")).build();

        Catalog catalog = Catalog.read(catalogDirectory);        // every problem, located, or a CatalogException
        Generator generator = Generator.forCatalog(catalog);
        GenerationResult result = generator.generate(config);   // writes only the files that are missing
        List<Drift> drift = generator.check(config);            // catalog or generated file edited since?

        assertThat(result.written()).isNotEmpty();
        assertThat(Files.list(out.resolve("sql")).map(p -> p.getFileName().toString()))
                .contains("V2__split_inventory_code.sql");
        assertThat(drift).isEmpty();
        assertThat(generator.generate(config).written()).isEmpty();

        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("## Generating migrations\\s+```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();
        String source = Files.readString(Path.of("src", "test", "java", "dev", "graft", "generator", "ReadmeExampleTest.java"));
        for (String line : block.group(1).strip().split("\n")) {
            assertThat(source).contains(line.strip());
        }
    }
}
