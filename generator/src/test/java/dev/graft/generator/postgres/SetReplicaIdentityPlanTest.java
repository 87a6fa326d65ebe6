package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** set_replica_identity: relreplident (and indisreplident) as asked, each step a no-op when run again. */
class SetReplicaIdentityPlanTest {

    private static final String TABLE = """
            refactorings:
              - create_table:
                  table: account
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: email, type: text, nullable: false, unique: true }
                    - { name: note, type: text }
                  primary_key: id
            """;

    @Test
    void fullThenNothingThenDefault() throws Exception {
        try (Scenario s = Scenario.of("replica_identity", TABLE,
                "refactorings:\n  - set_replica_identity: { table: account, identity: full }\n",
                "refactorings:\n  - set_replica_identity: { table: account, identity: nothing }\n",
                "refactorings:\n  - set_replica_identity: { table: account, identity: default }\n")) {
            s.migrate("1", "flyway_schema_history");
            assertThat(ColumnState.replicaIdentity(s, "account")).isEqualTo("d");
            s.applyTwice("1", "2");
            assertThat(ColumnState.replicaIdentity(s, "account")).isEqualTo("f");
            s.applyTwice("2", "3");
            assertThat(ColumnState.replicaIdentity(s, "account")).isEqualTo("n");
            s.applyTwice("3", "4");
            assertThat(ColumnState.replicaIdentity(s, "account")).isEqualTo("d");
        }
    }

    @Test
    void usingAUniqueIndexOfNotNullColumns() throws Exception {
        try (Scenario s = Scenario.of("replica_identity_index", TABLE, """
                refactorings:
                  - set_replica_identity: { table: account, identity: index, index: account_email_key }
                """)) {
            s.applyTwice("1", "2");
            assertThat(ColumnState.replicaIdentity(s, "account")).isEqualTo("i");
            assertThat(s.query("SELECT indexrelid::regclass::text FROM pg_catalog.pg_index"
                    + " WHERE indrelid = 'account'::regclass AND indisreplident")).containsExactly("account_email_key");
        }
    }
}
