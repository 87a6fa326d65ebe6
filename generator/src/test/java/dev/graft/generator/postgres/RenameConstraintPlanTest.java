package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** rename_constraint: the constraint (and a key's index) renamed; twice is once. */
class RenameConstraintPlanTest {

    @Test
    void renamesTheConstraintAndItsIndex() throws Exception {
        try (Scenario s = Scenario.of("rename_constraint", """
                refactorings:
                  - create_table:
                      table: account
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: email, type: text, unique: true }
                        - { name: balance, type: integer, check: "balance >= 0" }
                      primary_key: id
                """, """
                refactorings:
                  - rename_constraint: { table: account, from: account_email_key, to: account_email_unique }
                  - rename_constraint: { table: account, from: account_balance_check, to: balance_not_negative }
                  - rename_constraint: { table: account, from: account_pkey, to: account_primary }
                """)) {
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT conname FROM pg_constraint WHERE conrelid = 'account'::regclass"
                    + " AND contype <> 'n' ORDER BY 1"))
                    .containsExactly("account_email_unique", "account_primary", "balance_not_negative");
            assertThat(s.query("SELECT relname FROM pg_class WHERE relname LIKE 'account_%' AND relkind = 'i' ORDER BY 1"))
                    .containsExactly("account_email_unique", "account_primary");
        }
    }
}
