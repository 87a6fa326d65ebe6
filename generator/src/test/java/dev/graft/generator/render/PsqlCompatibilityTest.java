package dev.graft.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.catalog.Catalog;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.generator.Psql;
import dev.graft.generator.Snapshot;
import dev.graft.generator.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated SQL is valid for plain {@code psql -f}, not only for Flyway, and runs any number of times there too. */
class PsqlCompatibilityTest {

    @Test
    void theInventoryMigrationsRunTwiceWithPsql(@TempDir Path out) throws Exception {
        Psql.assumeInstalled();
        Catalog catalog = Catalog.read(Path.of("..", "examples", "inventory", "src", "main", "graft"));
        GeneratorConfig config = GeneratorConfig.builder().sqlOutput(out).javaOutput(out.resolve("java")).build();
        Generator.forCatalog(catalog).generate(config);
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            // in version order: V10 sorts before V1__ as text
            files = listed.filter(p -> p.toString().endsWith(".sql")).sorted(java.util.Comparator.comparingInt(
                    p -> Integer.parseInt(p.getFileName().toString().replaceFirst("^V(\\d+)__.*", "$1")))).toList();
        }
        assertThat(files).hasSize(catalog.migrations().size());
        try (Branch branch = TestDatabase.branch("psql")) {
            for (Path file : files) {
                Psql.run(branch, file);
                List<String> once;
                try (Connection c = branch.connect()) {
                    once = Snapshot.schema(c);
                }
                Psql.run(branch, file);
                try (Connection c = branch.connect()) {
                    assertThat(Snapshot.schema(c)).as("schema after running %s twice", file.getFileName()).isEqualTo(once);
                }
            }
            try (Connection c = branch.connect()) {
                assertThat(Snapshot.query(c, "SELECT column_name FROM information_schema.columns "
                        + "WHERE table_name = 'inventory' ORDER BY column_name"))
                        .containsExactly("batch_number", "id", "location_code", "serial_no", "serial_number");
                assertThat(Snapshot.query(c, "SELECT count(*) FROM warehouse")).containsExactly("5");
                assertThat(Snapshot.query(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'inventory' ORDER BY 1"))
                        .containsExactly("inventory_batch_number_idx", "inventory_pkey");
            }
        }
    }
}
