package dev.graft.verifier.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsWhereFlywaySplitsKeepingDollarQuotedBodiesWhole() {
        List<MigrationStatement> statements = StatementSplitter.split("""
                -- a comment; with a semicolon
                CREATE TABLE IF NOT EXISTS t (id int);
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM t) THEN INSERT INTO t VALUES (1); END IF;
                END $$;
                CREATE OR REPLACE FUNCTION f() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b' $body$;
                INSERT INTO t SELECT 2 WHERE 'x;y' <> ''; CREATE INDEX CONCURRENTLY IF NOT EXISTS t_id ON t (id);
                """);
        assertThat(statements).extracting(MigrationStatement::line).containsExactly(2, 3, 7, 8, 8);
        assertThat(statements.get(1).sql()).contains("INSERT INTO t VALUES (1); END IF;");
        assertThat(statements.get(2).sql()).contains("'a;b'");
        assertThat(statements.get(4).transactional()).isFalse();
        assertThat(statements.get(0).transactional()).isTrue();
    }

    @Test
    void textItCannotSplitIsOneOpaqueStatement() {
        assertThat(StatementSplitter.split("SELECT 'unterminated")).hasSize(1);
        assertThat(StatementSplitter.split("   ")).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void copyDataWithoutItsEndLineIsOpaqueNotAHang() {
        assertThat(StatementSplitter.split("CREATE TABLE IF NOT EXISTS t (id int);\nCOPY t FROM stdin;\n")).hasSize(1);
        assertThat(StatementSplitter.split("CREATE TABLE IF NOT EXISTS t (id int);\nCOPY t FROM stdin;\n1\n2\n\\.\n"
                + "SELECT 1;\n")).hasSize(3);
    }

    @Test
    void setAndResetChangeOnlyTheSession() {
        List<MigrationStatement> statements = StatementSplitter.split("""
                SET lock_timeout = '5s';
                -- comes back at the end
                reset lock_timeout;
                SET ROLE app;
                ALTER TABLE t SET (fillfactor = 70);
                SELECT set_config('graft.backfill', 'x', false);
                SETTLE_ACCOUNTS();
                """);
        assertThat(statements).extracting(MigrationStatement::sessionOnly)
                .containsExactly(true, true, true, false, false, false);
    }

    @Test
    void onlyStatementsThatSurelyLeaveNothingInTheSessionAreNeutral() {
        List<MigrationStatement> statements = StatementSplitter.split("""
                ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text;
                UPDATE orders SET status = 'open' WHERE status IS NULL;
                ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open';
                SET search_path = app;
                SELECT set_config('graft.backfill', 'x', false);
                DO $$ BEGIN PERFORM 1; END $$;
                CREATE TEMP TABLE scratch (id int);
                INSERT INTO log VALUES (currval('log_id_seq'));
                """);
        assertThat(statements).extracting(MigrationStatement::sessionNeutral)
                .containsExactly(true, true, true, false, false, false, false, false);
    }
}
