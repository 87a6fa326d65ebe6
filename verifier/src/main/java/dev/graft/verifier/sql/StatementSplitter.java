package dev.graft.verifier.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;

/**
 * Splits a SQL migration into statements with Flyway's PostgreSQL parser: the one place the
 * verifier touches Flyway's parser, so the boundaries of prefix replay are exactly those Flyway
 * executes. Text the parser cannot split becomes one opaque statement, never an error.
 *
 * <pre>{@code
 * List<MigrationStatement> statements = StatementSplitter.split("CREATE TABLE t (id int); DO $$ BEGIN END $$;");
 * statements.size(); // 2
 * }</pre>
 */
public final class StatementSplitter {

    private static final Configuration CONFIGURATION = Flyway.configure().placeholderReplacement(false);
    /** {@code COPY ... FROM STDIN}: Flyway's parser reads its data up to a {@code \.} line, and never returns without one. */
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?im)^\\s*COPY\\s[^;]*\\bFROM\\s+STDIN\\b");
    private static final Pattern END_OF_COPY_DATA = Pattern.compile("(?m)^\\\\\\.\\s*$");

    private StatementSplitter() {
    }

    /** The statements of {@code sql}, in order. */
    public static List<MigrationStatement> split(String sql) {
        java.util.regex.Matcher copy = COPY_FROM_STDIN.matcher(sql);
        if (copy.find() && !END_OF_COPY_DATA.matcher(sql).region(copy.end(), sql.length()).find()) {
            return List.of(new MigrationStatement(1, 1, sql, true));
        }
        List<MigrationStatement> statements = new ArrayList<>();
        try (SqlStatementIterator it = new PostgreSQLParser(CONFIGURATION, new ParsingContext())
                .parse(new StringResource(sql))) {
            while (it.hasNext()) {
                SqlStatement statement = it.next();
                if (!statement.getSql().isBlank()) {
                    statements.add(new MigrationStatement(statements.size() + 1, Math.max(1, statement.getLineNumber()),
                            statement.getSql(), statement.canExecuteInTransaction()));
                }
            }
        } catch (RuntimeException unparseable) {
            return sql.isBlank() ? List.of() : List.of(new MigrationStatement(1, 1, sql, true));
        }
        return List.copyOf(statements);
    }
}
