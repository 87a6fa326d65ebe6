package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.verifier.lint.LintOptions;
import dev.graft.verifier.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The type refactorings and index options pass verify: lint accepts ADD VALUE in a file that runs
 * outside a transaction, and every generated file is idempotent and completes when interrupted.
 */
class TypesVerifyTest {

    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("types-parent", Seed.sql("SELECT 1"));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static Path root;

    private static VerificationReport verify(String... files) throws Exception {
        root = Files.createTempDirectory("graft-types-verify");
        Path catalogDir = Files.createDirectories(root.resolve("graft"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(catalogDir.resolve("V" + (i + 1) + "__step_" + (i + 1) + ".yaml"), files[i]);
        }
        Catalog catalog = Catalog.read(catalogDir);
        GeneratorConfig config = GeneratorConfig.builder().sqlOutput(root.resolve("sql"))
                .javaOutput(root.resolve("java")).build();
        Generator.forCatalog(catalog).generate(config);
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).noReports().build())
                .verify(VerifyRequest.builder().location(root.resolve("sql")).catalog(catalog).build());
    }

    @Test
    void addEnumValuePassesVerifyAndLint() throws Exception {
        VerificationReport report = verify("""
                refactorings:
                  - create_type: { name: mood, enum: [sad, happy] }
                  - create_table:
                      table: person
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: feeling, type: public.mood }
                      primary_key: id
                  - insert_data: { table: person, rows: [{ id: 1, feeling: sad }] }
                """, """
                refactorings:
                  - add_enum_value: { type: mood, value: meh, after: sad }
                  - update_data: { table: person, set: { feeling: "'meh'" }, where: "id = 1" }
                """);
        assertThat(report.failures()).isEmpty();
        assertThat(lint("V2__step_2.sql")).isEmpty();
    }

    @Test
    void createIndexWithOptionsPassesVerifyAndLint() throws Exception {
        VerificationReport report = verify("""
                refactorings:
                  - create_table:
                      table: document
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: title, type: text }
                        - { name: body, type: jsonb }
                      primary_key: id
                  - insert_data: { table: document, rows: [{ id: 1, title: Notes, body: '{"a": 1}' }] }
                """, """
                refactorings:
                  - create_index: { table: document, method: gin, columns: [{ column: body, opclass: jsonb_path_ops }] }
                  - create_index:
                      table: document
                      columns: [{ column: title, opclass: text_pattern_ops, sort: desc }]
                      include: [id]
                      storage_parameters: { fillfactor: 70 }
                """);
        assertThat(report.failures()).isEmpty();
        // L215 (no statement_timeout around a concurrent build) is said of every generated create_index alike
        assertThat(lint("V2__step_2.sql")).allMatch(f -> f.endsWith("[GRAFT-L215]"));
    }

    @Test
    void sqlWithOnCompletePassesVerify() throws Exception {
        VerificationReport report = verify("""
                refactorings:
                  - create_table:
                      table: customer
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: email, type: text }
                      primary_key: id
                  - insert_data: { table: customer, rows: [{ id: 1, email: ada@example.com }] }
                """, """
                refactorings:
                  - sql:
                      up: |
                        CREATE OR REPLACE VIEW contactable AS SELECT id, email FROM customer WHERE email IS NOT NULL;
                        CREATE OR REPLACE VIEW customer_report AS SELECT id FROM customer
                      on_complete: |
                        DROP VIEW IF EXISTS customer_report
                """, """
                refactorings:
                  - complete: "2"
                """);
        assertThat(report.failures()).isEmpty();
    }

    /** The generated file linted as a hand-written one would be, with its .sql.conf. */
    private static java.util.List<String> lint(String file) throws Exception {
        Path sql = root.resolve("sql").resolve(file);
        return Linter.lint(file, Files.readString(sql), LintOptions.defaults().withFlywayConf(sql)).stream()
                .map(Object::toString).toList();
    }
}
