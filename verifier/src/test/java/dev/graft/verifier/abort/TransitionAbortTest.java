package dev.graft.verifier.abort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Version;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.verifier.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/** Aborting on a target database: refused while a later migration is applied, then done once, then a no-op. */
class TransitionAbortTest {

    private static final String MAIL = "SELECT count(*) FROM pg_attribute WHERE attrelid = 'account'::regclass"
            + " AND attname = 'mail' AND NOT attisdropped";

    @Test
    void abortsTheNewestTransitionOnlyAndOnce() throws Exception {
        Path root = Files.createTempDirectory("graft-abort");
        Path catalogDir = Files.createDirectories(root.resolve("graft"));
        Files.writeString(catalogDir.resolve("V1__account.yaml"), """
                refactorings:
                  - create_table:
                      table: account
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: email, type: text }
                      primary_key: id
                """);
        Files.writeString(catalogDir.resolve("V2__rename_email.yaml"),
                "refactorings:\n  - rename_column: { table: account, from: email, to: mail }\n");
        Files.writeString(catalogDir.resolve("V3__index_mail.yaml"),
                "refactorings:\n  - create_index: { table: account, columns: [mail] }\n");
        Catalog catalog = Catalog.read(catalogDir);
        GeneratorConfig config = GeneratorConfig.builder().sqlOutput(root.resolve("sql")).javaOutput(root.resolve("java"))
                .build();
        Generator.forCatalog(catalog).generate(config);
        TransitionAbort abort = TransitionAbort.of(catalog, config);
        try (Branch target = TestEngine.root("abort-target", Seed.none())) {
            assertThatThrownBy(() -> abort.abort(target.dataSource(), Version.parse("2")))
                    .isInstanceOf(AbortRefused.class).hasMessageContaining("the target has no Flyway history");
            migrate(target, root, "3");
            assertThatThrownBy(() -> abort.abort(target.dataSource(), Version.parse("2")))
                    .isInstanceOf(AbortRefused.class)
                    .hasMessage("cannot abort V2: V3 applied after it; abort undoes the newest migration only");
            assertThat(count(target, MAIL)).isEqualTo(1);
            assertThatThrownBy(() -> abort.abort(target.dataSource(), Version.parse("9")))
                    .isInstanceOf(AbortRefused.class).hasMessageStartingWith("version 9 is not in the catalog");
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("DROP INDEX account_mail_idx; DELETE FROM flyway_schema_history WHERE version = '3'");
            }
            AbortOutcome outcome = abort.abort(target.dataSource(), Version.parse("2"));
            assertThat(outcome.aborted()).isTrue();
            assertThat(outcome.changes()).contains("dropped column public.account.mail",
                    "dropped trigger public.account.graft_2_account_email_sync");
            assertThat(count(target, MAIL)).isZero();
            AbortOutcome again = abort.abort(target.dataSource(), Version.parse("2"));
            assertThat(again.aborted()).isFalse();
            assertThat(again.changes()).isEmpty();
            assertThat(again.summary()).isEqualTo("V2 is not applied on the target and nothing of it remains: nothing to abort");
        }
    }

    private static void migrate(Branch target, Path root, String version) {
        // CREATE INDEX CONCURRENTLY waits for Flyway's transactional lock otherwise (Flyway's documented setting)
        FluentConfiguration configuration = Flyway.configure().dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("filesystem:" + root.resolve("sql")).target(version);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration.load().migrate();
    }

    private static long count(Branch target, String sql) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
