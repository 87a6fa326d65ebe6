package dev.graft.catalog.internal;

import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.refactoring.Expression;
import java.util.List;
import java.util.Optional;
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

    /** Names "did you mean" offers for a misspelt function. */
    private static final List<String> COMMON_FUNCTIONS = List.of("lower", "upper", "length", "trim", "btrim",
            "ltrim", "rtrim", "substring", "substr", "replace", "concat", "concat_ws", "split_part", "left", "right",
            "lpad", "rpad", "coalesce", "nullif", "greatest", "least", "abs", "round", "trunc", "floor", "ceil",
            "to_char", "to_date", "to_timestamp", "to_number", "date_trunc", "date_part", "extract", "format",
            "regexp_replace", "regexp_substr", "position", "strpos", "initcap", "md5", "jsonb_build_object",
            "json_build_object", "jsonb_extract_path_text", "array_to_string", "string_to_array", "reverse");

    private Expressions() { }

    /** Each call must be to a function PostgreSQL has, computing one value per row. */
    private static void calls(String what, Expression expression, ExpressionFacts facts, Problems problems) {
        boolean perRowReported = false;
        for (String function : facts.calls()) {
            Optional<PostgresBuiltins.Kind> kind = PostgresBuiltins.function(function);
            if (kind.isEmpty()) {
                problems.report(expression.location(), ProblemCode.UNKNOWN_FUNCTION, what + " calls \"" + function
                        + "\", which neither postgresql 18 nor an extension shipped with it has (a function of"
                        + " your own is written schema-qualified, as in public." + function + "(...))"
                        + Suggestions.hint(function, COMMON_FUNCTIONS));
            } else if (kind.get() != PostgresBuiltins.Kind.SCALAR) {
                problems.report(expression.location(), ProblemCode.NOT_PER_ROW, what + " calls \"" + function
                        + "\", " + (kind.get() == PostgresBuiltins.Kind.SET_RETURNING ? "which returns a set of rows"
                        : kind.get() == PostgresBuiltins.Kind.AGGREGATE ? "an aggregate function" : "a window function")
                        + ": write an expression with one value per row");
                perRowReported = true;
            }
        }
        if (facts.window() && !perRowReported) {
            problems.report(expression.location(), ProblemCode.NOT_PER_ROW, what
                    + " uses a window or aggregate clause (over, filter, within group):"
                    + " write an expression with one value per row");
        }
    }

    /** Checks that {@code expression} is one expression, without subquery, deterministic if asked. */
    public static void checkSyntax(String key, Expression expression, boolean deterministic, Problems problems) {
        ExpressionFacts facts = PostgresParser.expression(expression.sql());
        String what = "\"" + key + "\"";
        if (facts.rejection().isPresent()) {
            switch (facts.rejection().get()) {
                case EMPTY -> problems.report(expression.location(), ProblemCode.NOT_AN_EXPRESSION,
                        what + " is empty: write a postgresql expression");
                case SEMICOLON -> problems.report(expression.location(), ProblemCode.SEMICOLON,
                        what + " contains a semicolon: write one expression, not statements");
                case COMMENT -> problems.report(expression.location(), ProblemCode.COMMENT,
                        what + " contains an sql comment (-- or /*): it would hide the rest of the generated line");
                case TOO_DEEP -> problems.report(expression.location(), ProblemCode.NOT_AN_EXPRESSION,
                        what + " nests parentheses deeper than " + PostgresParser.MAX_NESTING + " levels");
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
        calls(what, expression, facts, problems);
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
