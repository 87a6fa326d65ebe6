package dev.graft.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.Catalog;
import dev.graft.generator.render.Header;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate writes only missing files; check tells the three kinds of drift apart. */
class GeneratorDriftTest {

    @TempDir
    Path root;

    private GeneratorConfig config() {
        return GeneratorConfig.builder().sqlOutput(root.resolve("sql")).javaOutput(root.resolve("java")).build();
    }

    private Generator generator() throws Exception {
        Path catalog = root.resolve("graft");
        if (!Files.exists(catalog)) {
            Files.createDirectories(catalog);
            Files.writeString(catalog.resolve("V1__create.yaml"), "refactorings:\n  - create_table:\n      table: t\n"
                    + "      columns: [ { name: id, type: bigint, nullable: false } ]\n      primary_key: id\n");
        }
        return Generator.forCatalog(Catalog.read(catalog));
    }

    @Test
    void writesOnlyMissingFilesAndReportsEachKindOfDrift() throws Exception {
        Path sql = root.resolve("sql/V1__create.sql");
        assertThat(generator().check(config())).extracting(Drift::kind).containsExactly(Drift.Kind.MISSING);
        assertThat(generator().generate(config()).written()).containsExactly(sql);
        assertThat(generator().generate(config()).skipped()).containsExactly(sql);
        assertThat(generator().check(config())).isEmpty();
        String original = Files.readString(sql);

        Files.writeString(sql, original + "DROP TABLE t;\n");
        assertThat(generator().check(config())).extracting(Drift::kind).containsExactly(Drift.Kind.EDITED);
        assertThat(generator().generate(config()).written()).isEmpty();

        Header header = Header.read(original).orElseThrow();
        Files.writeString(sql, Header.file("--", header.source(), header.sourceChecksum(), "0.0.9",
                Header.body(original).replace("5s", "9s")));
        assertThat(generator().check(config())).extracting(Drift::kind).containsExactly(Drift.Kind.GENERATOR_CHANGED);

        Files.writeString(sql, original);
        Files.writeString(root.resolve("graft/V1__create.yaml"), Files.readString(root.resolve("graft/V1__create.yaml"))
                .replace("bigint", "integer"));
        assertThat(generator().check(config())).extracting(Drift::kind).containsExactly(Drift.Kind.CATALOG_CHANGED);
        assertThat(generator().check(config()).get(0).message()).contains("V1__create.yaml changed after");
    }
}
