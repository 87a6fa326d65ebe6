package dev.graft.verifier.lint;

import dev.graft.verifier.lint.StatementFacts.Flag;
import dev.graft.verifier.lint.StatementFacts.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements recognized by their leading words: DDL whose PostgreSQL grammar is wider than any
 * parser's ({@code CONCURRENTLY}, {@code NOT VALID}, {@code IF NOT EXISTS} on every object),
 * where lint needs only what the statement creates, drops or locks. Inserts and updates, whose
 * values matter, go to the parser.
 */
final class StatementHeads {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String NAME = SqlText.NAME;
    private static final String IF_NOT = "(IF\\s+NOT\\s+EXISTS\\s+)?";

    private record Head(Pattern pattern, Function<Matcher, StatementFacts> facts) { }

    private static Head head(String regex, Function<Matcher, StatementFacts> facts) {
        return new Head(Pattern.compile("\\A" + regex, FLAGS), facts);
    }

    private static final Pattern KEY = Pattern.compile("\\b(PRIMARY\\s+KEY|UNIQUE|EXCLUDE)\\b", FLAGS);
    private static final Pattern CASCADE = Pattern.compile("\\bCASCADE\\b", FLAGS);
    private static final Pattern CHECK = Pattern.compile("\\bCHECK\\b", FLAGS);
    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT\\s+VALID\\b", FLAGS);

    private static final List<Head> HEADS = List.of(
            head("DO\\b", m -> StatementFacts.of(Kind.DO_BLOCK, "")),
            head("(BEGIN|COMMIT|ROLLBACK|START\\s+TRANSACTION|END|ABORT)\\s*(?:WORK|TRANSACTION)?\\s*(?:ISOLATION.*)?\\z",
                    m -> StatementFacts.of(Kind.TRANSACTION_CONTROL, m.group(1).toUpperCase(Locale.ROOT))),
            head("(?:SET|RESET)\\s+(?:SESSION\\s+|LOCAL\\s+)?(\\w+)",
                    m -> StatementFacts.of(Kind.SETTING, m.group(1).toLowerCase(Locale.ROOT))),
            head("CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:TEMP|TEMPORARY)\\s+TABLE\\b", m -> StatementFacts.of(Kind.OTHER, "")),
            head("CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+" + IF_NOT + "(" + NAME
                    + ")(.*)", m -> StatementFacts.of(Kind.CREATE_TABLE, m.group(2))
                    .flag(Flag.IF_NOT_EXISTS, m.group(1) != null)
                    .flag(Flag.UNIQUE, KEY.matcher(SqlText.withoutLiterals(m.group(3))).find())
                    .withParts(SqlText.topLevelParts(SqlText.firstParenthesis(m.group(3))).stream().map(SqlText::flat).toList())),
            head("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?" + IF_NOT + "(?:(" + NAME + ")\\s+)?ON\\s+(?:ONLY\\s+)?("
                    + NAME + ")", m -> StatementFacts.of(Kind.CREATE_INDEX, m.group(4) == null ? "" : m.group(4))
                    .flag(Flag.UNIQUE, m.group(1) != null).flag(Flag.CONCURRENTLY, m.group(2) != null)
                    .flag(Flag.IF_NOT_EXISTS, m.group(3) != null).on(m.group(5))),
            head("CREATE\\s+(OR\\s+REPLACE\\s+)?(?:(?:TEMP|TEMPORARY|RECURSIVE)\\s+)?(MATERIALIZED\\s+)?VIEW\\s+" + IF_NOT
                    + "(" + NAME + ")", m -> StatementFacts.of(m.group(2) != null ? Kind.CREATE_MATERIALIZED_VIEW
                    : Kind.CREATE_VIEW, m.group(4)).flag(Flag.OR_REPLACE, m.group(1) != null)
                    .flag(Flag.IF_NOT_EXISTS, m.group(3) != null)),
            head("CREATE\\s+(OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\s+(" + NAME + ")",
                    m -> StatementFacts.of(Kind.CREATE_FUNCTION, m.group(2)).flag(Flag.OR_REPLACE, m.group(1) != null)),
            head("CREATE\\s+(OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+(" + NAME + ")",
                    m -> StatementFacts.of(Kind.CREATE_TRIGGER, m.group(2)).flag(Flag.OR_REPLACE, m.group(1) != null)),
            head("CREATE\\s+TYPE\\s+(" + NAME + ")", m -> StatementFacts.of(Kind.CREATE_TYPE, m.group(1))),
            head("CREATE\\s+DOMAIN\\s+(" + NAME + ")(.*)", m -> StatementFacts.of(Kind.CREATE_DOMAIN, m.group(1))
                    .flag(Flag.CHECK, CHECK.matcher(SqlText.withoutLiterals(m.group(2))).find())),
            head("ALTER\\s+DOMAIN\\s+(" + NAME + ")(.*)", m -> StatementFacts.of(Kind.ALTER_DOMAIN, m.group(1))
                    .flag(Flag.CHECK, Pattern.compile("\\A\\s*ADD\\b.*\\bCHECK\\b", FLAGS).matcher(m.group(2)).find())
                    .flag(Flag.NOT_VALID, NOT_VALID.matcher(SqlText.withoutLiterals(m.group(2))).find())),
            head("ALTER\\s+TYPE\\s+(" + NAME + ")\\s+ADD\\s+VALUE\\s+" + IF_NOT, m -> StatementFacts.of(Kind.ALTER_ENUM,
                    m.group(1)).flag(Flag.IF_NOT_EXISTS, m.group(2) != null)),
            head("CREATE\\s+EXTENSION\\s+" + IF_NOT + "(" + NAME + ")", m -> StatementFacts.of(Kind.CREATE_EXTENSION,
                    m.group(2)).flag(Flag.IF_NOT_EXISTS, m.group(1) != null)),
            head("CREATE\\s+(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?SEQUENCE\\s+" + IF_NOT + "(" + NAME + ")",
                    m -> StatementFacts.of(Kind.CREATE_SEQUENCE, m.group(2)).flag(Flag.IF_NOT_EXISTS, m.group(1) != null)),
            head("CREATE\\s+SCHEMA\\s+" + IF_NOT + "(" + NAME + ")", m -> StatementFacts.of(Kind.CREATE_SCHEMA, m.group(2))
                    .flag(Flag.IF_NOT_EXISTS, m.group(1) != null)),
            head("DROP\\s+(MATERIALIZED\\s+VIEW|FOREIGN\\s+TABLE|\\w+)\\s+(CONCURRENTLY\\s+)?(IF\\s+EXISTS\\s+)?(" + NAME
                    + ")(.*)", m -> StatementFacts.of(Kind.DROP, m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                    + " " + m.group(4)).flag(Flag.CONCURRENTLY, m.group(2) != null).flag(Flag.IF_EXISTS, m.group(3) != null)
                    .flag(Flag.CASCADE, CASCADE.matcher(m.group(5)).find())
                    .on(m.group(1).equalsIgnoreCase("TABLE") ? m.group(4) : "")),
            head("REFRESH\\s+MATERIALIZED\\s+VIEW\\s+(CONCURRENTLY\\s+)?(" + NAME + ")",
                    m -> StatementFacts.of(Kind.REFRESH, m.group(2)).flag(Flag.CONCURRENTLY, m.group(1) != null)),
            head("REINDEX\\s+(?:\\([^)]*\\)\\s*)?(INDEX|TABLE|SCHEMA|DATABASE|SYSTEM)\\s+(CONCURRENTLY\\s+)?(" + NAME + ")?",
                    m -> StatementFacts.of(Kind.REINDEX, m.group(1).toLowerCase(Locale.ROOT) + " "
                            + (m.group(3) == null ? "" : m.group(3))).flag(Flag.CONCURRENTLY, m.group(2) != null)),
            head("TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + NAME + ")(.*)", m -> StatementFacts.of(Kind.TRUNCATE,
                    m.group(1)).flag(Flag.CASCADE, CASCADE.matcher(m.group(2)).find())),
            head("(VACUUM\\s+(?:\\(\\s*)?FULL|CLUSTER|LOCK(?:\\s+TABLE)?)\\b\\s*(\\S*)", m -> StatementFacts.of(
                    Kind.EXCLUSIVE_REWRITE, m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\W+", " ").strip())),
            head("(?:COPY|COMMENT|GRANT|REVOKE|ANALYZE|VACUUM|NOTIFY|CALL|SELECT|SECURITY\\s+LABEL|ALTER\\s+(?:SEQUENCE|INDEX|VIEW"
                    + "|MATERIALIZED\\s+VIEW|FUNCTION|PROCEDURE|SCHEMA|ROLE|USER|DEFAULT\\s+PRIVILEGES|EXTENSION|POLICY|TYPE"
                    + "|TRIGGER|DATABASE|PUBLICATION|STATISTICS|LARGE\\s+OBJECT)|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:POLICY"
                    + "|ROLE|USER|COLLATION|CAST|OPERATOR|RULE|STATISTICS|PUBLICATION|AGGREGATE|TEXT\\s+SEARCH)"
                    + "|DROP\\s+OWNED|REASSIGN\\s+OWNED)\\b", m -> StatementFacts.of(Kind.OTHER, "")));

    private StatementHeads() {
    }

    /** The facts of a statement known by its leading words, or empty. {@code sql} starts with code. */
    static Optional<StatementFacts> read(String sql) {
        Optional<StatementFacts> alter = AlterTableText.read(sql);
        if (alter.isPresent()) {
            return alter;
        }
        for (Head head : HEADS) {
            Matcher m = head.pattern().matcher(sql);
            if (m.find()) {
                return Optional.of(head.facts().apply(m));
            }
        }
        return Optional.empty();
    }
}
