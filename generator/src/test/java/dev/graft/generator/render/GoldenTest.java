package dev.graft.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Scenario;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the generated SQL and Java (regenerate with {@code -Dgraft.golden.update=true});
 * the Java golden is compiled here and run as a Flyway Java migration.
 */
public class GoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path EXAMPLE = Path.of("../examples/inventory/src/main/graft");
    static final boolean UPDATE = Boolean.getBoolean("graft.golden.update");

    @Test
    void inventoryExampleMatchesItsGoldenFiles() throws Exception {
        try (Scenario s = example("golden_sql", false)) {
            List<GeneratedFile> files = s.generate();
            assertThat(files).extracting(f -> f.path().getFileName().toString())
                    .containsExactly("V1__create_inventory.sql", "V2__split_inventory_code.sql", "V2__split_inventory_code.sql.conf",
                            "V3__complete_split.sql");
            for (GeneratedFile f : files) {
                assertGolden("sql/" + f.path().getFileName(), f.content());
            }
            assertThat(s.generate()).isEqualTo(files);
        }
    }

    @Test
    void batchedBackfillIsAJavaMigrationThatCompilesAndRuns() throws Exception {
        try (Scenario s = example("golden_java", true)) {
            GeneratedFile java = s.generate().stream().filter(f -> f.kind() == GeneratedFile.Kind.JAVA).findFirst().orElseThrow();
            assertThat(java.path().getFileName().toString()).isEqualTo("V2__Split_inventory_code.java");
            assertGolden("java/V2__Split_inventory_code.java", java.content());
            JavaMigration migration = compile(java.content(), "db.migration.V2__Split_inventory_code");
            assertThat(migration.canExecuteInTransaction()).isFalse();
            s.migrate("1", "flyway_schema_history");
            StringBuilder values = new StringBuilder();
            for (int i = 1; i <= 25; i++) {
                values.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'AMS").append(String.format("%03d", i))
                        .append("B24").append(String.format("%03d", i)).append("SN").append(String.format("%08d", i * 7)).append("')");
            }
            s.execute("INSERT INTO inventory VALUES " + values);
            s.applyTwice("1", "2", migration);
            assertThat(s.query("SELECT count(*) FROM inventory WHERE location_code || batch_number || serial_number = inventory_code"))
                    .containsExactly("25");
            // marked done: a third run does not walk the table (a row emptied behind the trigger's back stays empty)
            s.execute("SELECT set_config('graft.backfill', '2:public.inventory', false);"
                    + " UPDATE inventory SET location_code = NULL, batch_number = NULL, serial_number = NULL WHERE id = 9");
            s.migrateAgain("1", "2", migration);
            assertThat(s.query("SELECT count(*) FROM inventory WHERE location_code IS NULL")).containsExactly("1");
            s.execute("COMMENT ON FUNCTION graft_2_inventory_inventory_code_sync() IS"
                    + " 'graft: generated from V2__split_inventory_code.yaml; removed by its contract'");
            s.migrateAgain("1", "2", migration);
            assertThat(s.query("SELECT count(*) FROM inventory WHERE location_code IS NULL")).containsExactly("0");
            s.execute("UPDATE inventory SET serial_number = 'SN99999999' WHERE id = 7");
            assertThat(s.query("SELECT inventory_code FROM inventory WHERE id = 7")).containsExactly("AMS007B24007SN99999999");
            // resumed: the marker of a run interrupted after key 12 makes the next run walk the rest only
            s.execute("SELECT set_config('graft.backfill', '2:public.inventory', false);"
                    + " UPDATE inventory SET location_code = NULL, batch_number = NULL, serial_number = NULL");
            s.execute("COMMENT ON FUNCTION graft_2_inventory_inventory_code_sync() IS"
                    + " 'graft: generated from V2__split_inventory_code.yaml; removed by its contract; backfilled up to {12}'");
            s.migrateAgain("1", "2", migration);
            assertThat(s.query("SELECT string_agg(id::text, ',' ORDER BY id) FROM inventory WHERE location_code IS NULL"))
                    .containsExactly("1,2,3,4,5,6,7,8,9,10,11,12");
            assertThat(s.query("SELECT obj_description('graft_2_inventory_inventory_code_sync()'::regprocedure)"))
                    .containsExactly("graft: generated from V2__split_inventory_code.yaml; removed by its contract; backfilled");
        }
    }

    /** The other trigger-based transitions, one golden file each, each run twice on rows of the old shape. */
    @ParameterizedTest
    @MethodSource("dev.graft.generator.postgres.TransitionCases#others")
    void eachTransitionMatchesItsGoldenFile(String name, Scenario s) throws Exception {
        try (s) {
            assertGolden("sql/transitions/" + name + ".sql", s.sql("2"));
            s.applyTwice("1", "2");
        }
    }

    private static Scenario example(String name, boolean batched) throws Exception {
        String split = Files.readString(EXAMPLE.resolve("V2__split_inventory_code.yaml"));
        return Scenario.named(name)
                .file("V1__create_inventory.yaml", Files.readString(EXAMPLE.resolve("V1__create_inventory.yaml")))
                .file("V2__split_inventory_code.yaml", batched ? split + "      backfill: { batch_size: 4 }\n" : split)
                .file("V3__complete_split.yaml", Files.readString(EXAMPLE.resolve("V3__complete_split.yaml")));
    }

    /** Asserts {@code actual} equals the golden file {@code name}, writing it when missing or asked to. */
    public static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (UPDATE || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(actual).as("golden file " + file + " (regenerate with -Dgraft.golden.update=true)")
                .isEqualTo(Files.readString(file));
    }

    private static JavaMigration compile(String source, String className) throws Exception {
        Path dir = Files.createTempDirectory("graft-javac");
        Path file = dir.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
                "-Xlint:all", "-Werror", "-d", dir.toString(), file.toString());
        assertThat(status).as("javac of the generated migration").isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, GoldenTest.class.getClassLoader());
        return (JavaMigration) loader.loadClass(className).getDeclaredConstructor().newInstance();
    }
}
