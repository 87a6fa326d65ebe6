package dev.graft.branch.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PsqlScriptTest {

    private static SeedScript prepare(String script) {
        return PsqlScript.prepare(script, "s.sql", Integer.MAX_VALUE);
    }

    private static String text(SeedScript seed) {
        return seed.chunks().stream().map(SeedScript.Chunk::text).collect(Collectors.joining());
    }

    private static List<Integer> skippedLines(SeedScript seed) {
        return seed.skipped().stream().map(SeedScript.Skipped::line).toList();
    }

    @Test
    void aPublishedScriptsDatabaseSetupIsLeftOutAndEveryLineKeepsItsNumber() {
        String script = String.join("\n",
                "/* Drop database if it exists */",
                "DROP DATABASE IF EXISTS chinook;",
                "CREATE DATABASE chinook;",
                "\\c chinook;",
                "CREATE TABLE album (id int);",
                "");
        SeedScript seed = prepare(script);
        assertThat(skippedLines(seed)).containsExactly(2, 3, 4);
        assertThat(seed.skipped()).extracting(SeedScript.Skipped::statement)
                .containsExactly("DROP DATABASE IF EXISTS chinook;", "CREATE DATABASE chinook;", "\\c chinook;");
        String runnable = text(seed);
        assertThat(runnable.lines().toList()).hasSize(5);
        assertThat(runnable).doesNotContain("DATABASE", "\\c");
        assertThat(runnable.lines().toList().get(4)).isEqualTo("CREATE TABLE album (id int);");
        assertThat(seed.statements()).isEqualTo(1);
    }

    @Test
    void rolesTablespacesAndServerSettingsAreLeftOutButLookalikesRun() {
        String script = String.join("\n",
                "CREATE ROLE app LOGIN;",
                "ALTER ROLE app SET work_mem = '64MB';",
                "create user reporting;",
                "GRANT app TO reporting;",
                "CREATE TABLESPACE fast LOCATION '/ssd';",
                "ALTER SYSTEM SET max_connections = 5;",
                "ALTER DATABASE chinook SET search_path = music;",
                "GRANT CONNECT ON DATABASE chinook TO app;",
                "CREATE TABLE roles (name text DEFAULT 'CREATE ROLE x');",
                "GRANT SELECT ON roles TO PUBLIC;",
                "CREATE USER MAPPING FOR PUBLIC SERVER remote;",
                "COMMENT ON TABLE roles IS 'DROP DATABASE x; ALTER SYSTEM';",
                "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$ SELECT 'CREATE DATABASE y;' $body$;",
                "-- CREATE DATABASE in a comment",
                "");
        SeedScript seed = prepare(script);
        assertThat(skippedLines(seed)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(seed.statements()).isEqualTo(5);
        assertThat(text(seed)).contains("DEFAULT 'CREATE ROLE x'", "CREATE USER MAPPING", "$body$ SELECT 'CREATE DATABASE y;' $body$");
    }

    @Test
    void aStatementOverSeveralLinesIsLeftOutWholeAndTheNextOnItsLastLineRuns() {
        SeedScript seed = prepare("CREATE ROLE app\n  WITH LOGIN\n  PASSWORD 'x;y'; CREATE TABLE t (id int);\n");
        assertThat(skippedLines(seed)).containsExactly(1);
        assertThat(text(seed)).isEqualTo(" ".repeat("CREATE ROLE app".length()) + "\n" + " ".repeat("  WITH LOGIN".length())
                + "\n" + " ".repeat("  PASSWORD 'x;y';".length()) + " CREATE TABLE t (id int);\n");
    }

    @Test
    void chunksEndOnlyBetweenStatementsNeverInCopyDataOrAnAtomicBody() {
        String script = String.join("\n",
                "CREATE TABLE t (v text);",
                "COPY t (v) FROM stdin;",
                "a;b",
                "c; d",
                "\\.",
                "CREATE FUNCTION g() RETURNS int LANGUAGE sql",
                "BEGIN ATOMIC",
                "  SELECT CASE WHEN true THEN 1 END;",
                "  SELECT 2;",
                "END;",
                "INSERT INTO t VALUES (E'it\\'s; fine'), ('two'';'), ($$;$$);",
                "SELECT 1;");
        SeedScript seed = PsqlScript.prepare(script, "s.sql", 1);
        assertThat(seed.chunks()).extracting(SeedScript.Chunk::firstLine).containsExactly(1, 2, 6, 11, 12);
        assertThat(seed.chunks().get(1).text()).isEqualTo("COPY t (v) FROM stdin;\na;b\nc; d\n\\.\n");
        assertThat(seed.chunks().get(2).text()).startsWith("CREATE FUNCTION").endsWith("END;\n");
        assertThat(seed.chunks()).extracting(SeedScript.Chunk::statementsDone).containsExactly(1, 2, 3, 4, 5);
        assertThat(text(seed)).isEqualTo(script);
    }

    @Test
    void anUnterminatedCopyNamesItsLine() {
        assertThatThrownBy(() -> prepare("SELECT 1;\nCOPY t (v) FROM stdin;\n1\n"))
                .hasMessage("s.sql:2: COPY ... FROM stdin has no closing \\. line");
    }
}
