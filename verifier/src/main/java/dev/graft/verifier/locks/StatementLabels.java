package dev.graft.verifier.locks;

import dev.graft.verifier.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the migration statement a session is running from the text {@code pg_stat_activity}
 * shows: for a SQL migration, the next statement of the file (in order) whose text it is, as
 * {@code V5__retype.sql:3 ALTER TABLE t ALTER COLUMN c TYPE bigint}; for a Java migration, the
 * statement's own first line. Flyway's own statements (its history table) name nothing: the
 * statement before keeps its name. Read in sample order, by one thread.
 */
final class StatementLabels {

    private static final int COMPARED = 200;
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final String file;
    private final List<MigrationStatement> statements;
    private final List<String> texts = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private int cursor;

    StatementLabels(String file, List<MigrationStatement> statements) {
        this.file = file;
        this.statements = List.copyOf(statements);
        for (MigrationStatement s : this.statements) {
            texts.add(normal(s.code()));
            labels.add(file + ":" + s.line() + " " + s.summary());
        }
    }

    /** Every statement's name, in file order (none for a Java migration). */
    List<String> all() {
        return List.copyOf(labels);
    }

    /** How {@link #beforeAny()} ends. */
    static final String UNSEEN = ": a statement before the first one the 10 ms sampler saw running";

    /**
     * What takes locks before the sampler has seen any statement of the migration run: Flyway itself,
     * or statements that ran between two samples.
     */
    String beforeAny() {
        return file + UNSEEN;
    }

    /** The statement {@code query} is, if it is one of the migration's. */
    Optional<String> of(String query) {
        String text = normal(new MigrationStatement(1, 1, query, true).code());
        if (text.isEmpty() || text.contains("flyway_schema_history")) {
            return Optional.empty();
        }
        if (statements.isEmpty()) {
            String first = query.strip().lines().findFirst().orElse("");
            return Optional.of(file + " " + (first.length() > 80 ? first.substring(0, 77) + "..." : first));
        }
        for (int i = cursor; i < texts.size(); i++) {
            if (same(texts.get(i), text)) {
                cursor = i;
                return Optional.of(labels.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean same(String statement, String query) {
        int n = Math.min(COMPARED, Math.min(statement.length(), query.length()));
        return n > 0 && statement.regionMatches(0, query, 0, n);
    }

    private static String normal(String sql) {
        String text = SPACE.matcher(sql.strip()).replaceAll(" ");
        return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    }
}
