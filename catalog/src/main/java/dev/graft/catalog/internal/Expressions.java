package dev.graft.catalog.internal;

import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.refactoring.Expression;
import java.util.Set;

/** The rules every catalog expression follows, on top of what the parser reports. */
public final class Expressions {

    /** Functions whose result changes from call to call (or with the clock). */
    public static final Set<String> VOLATILE = Set.of("random", "random_normal", "setseed", "now",
            "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday", "current_timestamp",
            "current_time", "current_date", "localtime", "localtimestamp", "nextval", "setval", "currval",
            "lastval", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "gen_random_bytes", "txid_current", "pg_current_xact_id", "pg_backend_pid",
            "pg_sleep", "dblink", "dblink_exec", "lo_import", "pg_read_file", "set_config");

    private Expressions() { }

    /** Checks that {@code expression} is one expression, without subquery, deterministic if asked. */
    public static void checkSyntax(String key, Expression expression, boolean deterministic, Problems problems) {
        ExpressionFacts facts = PostgresParser.expression(expression.sql());
        String what = "\"" + key + "\"";
        if (facts.rejection().isPresent()) {
            switch (facts.rejection().get()) {
                case SEMICOLON -> problems.report(expression.location(), ProblemCode.SEMICOLON,
                        what + " contains a semicolon: write one expression, not statements");
                case STATEMENT_KEYWORD -> problems.report(expression.location(), ProblemCode.STATEMENT_KEYWORD,
                        what + " contains the statement keyword \"" + PostgresParser.statementKeyword(
                                SqlText.withoutLiterals(expression.sql())).orElse("select")
                        + "\": write one expression, not a statement");
                default -> problems.report(expression.location(), ProblemCode.NOT_AN_EXPRESSION,
                        what + " is not a single postgresql expression: \"" + expression.sql() + "\"");
            }
            return;
        }
        if (facts.subquery()) {
            problems.report(expression.location(), ProblemCode.SUBQUERY,
                    what + " contains a subquery: use an expression over the columns of the same row");
        }
        if (deterministic) {
            for (String function : facts.functions()) {
                if (VOLATILE.contains(function)) {
                    problems.report(expression.location(), ProblemCode.VOLATILE, what + " calls \"" + function
                            + "\", which is volatile: it must be deterministic here, as it keeps two shapes in sync"
                            + " or rewrites stored values");
                }
            }
        }
    }
}
