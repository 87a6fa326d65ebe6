package dev.graft.verifier.lint;

import static dev.graft.verifier.lint.SqlText.quoted;
import static dev.graft.verifier.lint.StatementFindings.WHOLE;

import dev.graft.verifier.lint.StatementFacts.ActionKind;
import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.lint.StatementFacts.Flag;
import dev.graft.verifier.lint.StatementFacts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domains and column types: a domain's {@code CHECK} is checked against every column of the domain
 * under lock when it is added, and cannot change without that; and the style rules, off unless
 * asked for, for the types a new column is given.
 */
final class TypeRules implements RuleFamily {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern DOMAIN_CONSTRAINT = Pattern.compile("\\bADD\\s+(?:CONSTRAINT\\s+(" + SqlText.NAME
            + ")\\s+)?CHECK\\b", FLAGS);
    private static final Pattern COLUMN = Pattern.compile("^(?:ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?)?("
            + SqlText.NAME + ")\\s+(.*)$", FLAGS | Pattern.DOTALL);
    private static final Pattern CONSTRAINT_PART = Pattern.compile("^(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE|LIKE)\\b",
            FLAGS);
    private static final Pattern INT = Pattern.compile("^(int|integer|int4|smallint|int2)\\b", FLAGS);
    private static final Pattern SERIAL = Pattern.compile("^(serial|serial4|smallserial|serial2|bigserial|serial8)\\b", FLAGS);
    private static final Pattern VARCHAR = Pattern.compile("^(varchar|character\\s+varying)\\s*\\(\\s*\\d+\\s*\\)", FLAGS);
    private static final Pattern CHAR = Pattern.compile("^(?:char|character|bpchar)(?!\\w)(?!\\s+varying)(?:\\s*\\(\\s*\\d+\\s*\\))?",
            FLAGS);
    private static final Pattern TIMESTAMP = Pattern.compile("^timestamp(\\s*\\(\\s*\\d\\s*\\))?(\\s+without\\s+time\\s+zone)?"
            + "(?!\\s*with\\b)(?!tz)", FLAGS);
    private static final Pattern KEY = Pattern.compile("\\b(PRIMARY\\s+KEY|REFERENCES)\\b", FLAGS);
    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*");

    @Override
    public void check(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        if (f.kind() == Kind.ALTER_DOMAIN && f.has(Flag.CHECK) && !f.has(Flag.NOT_VALID)) {
            Matcher named = DOMAIN_CONSTRAINT.matcher(sql);
            String name = named.find() && named.group(1) != null ? named.group(1) : "";
            out.add(WHOLE, LintRule.DOMAIN_CONSTRAINT, "a check on domain " + quoted(f.object()) + " is checked against"
                    + " every column of the domain while their tables are locked", name.isEmpty() ? null
                    : Rewrites.guarded(Rewrites.noDomainConstraint(f.object(), name), sql + " NOT VALID"),
                    "add it NOT VALID and VALIDATE CONSTRAINT in the next migration" + (name.isEmpty()
                            ? "; name the constraint so a guard can find it" : ""));
        }
        if (f.kind() == Kind.CREATE_DOMAIN && f.has(Flag.CHECK)) {
            out.add(WHOLE, LintRule.DOMAIN_CONSTRAINT, "domain " + quoted(f.object()) + " has a check: changing it later"
                    + " rechecks every column of the domain under lock", null, "put the CHECK on the table columns"
                    + " instead, where it can be added NOT VALID and validated without blocking writes");
        }
        List<String> columns = new ArrayList<>();
        if (f.kind() == Kind.CREATE_TABLE) {
            f.parts().stream().filter(p -> !CONSTRAINT_PART.matcher(p).find()).forEach(columns::add);
        }
        if (f.kind() == Kind.ALTER_TABLE) {
            f.actions().stream().filter(a -> a.kind() == ActionKind.ADD_COLUMN).map(AlterAction::text).forEach(columns::add);
        }
        for (String column : columns) {
            style(column, sql, out);
        }
        if (f.kind() == Kind.CREATE_TABLE || f.kind() == Kind.ALTER_TABLE || f.kind() == Kind.CREATE_INDEX
                || f.kind().name().startsWith("CREATE")) {
            Matcher id = IDENTIFIER.matcher(SqlText.withoutLiterals(sql));
            while (id.find()) {
                if (SqlText.tooLong(id.group())) {
                    out.add(WHOLE, LintRule.LONG_IDENTIFIER, "name " + quoted(id.group()) + " is longer than 63 bytes:"
                            + " PostgreSQL cuts it, and guards that look for the full name never find it", null,
                            "use a name of at most 63 bytes");
                    return;
                }
            }
        }
    }

    private static void style(String definition, String sql, StatementFindings out) {
        Matcher column = COLUMN.matcher(definition);
        if (!column.find()) {
            return;
        }
        String name = quoted(column.group(1));
        String type = column.group(2).strip();
        String rest = SqlText.withoutLiterals(type);
        if (INT.matcher(type).find() && (KEY.matcher(rest).find() || column.group(1).matches("(?i)\"?(id|.*_id)\"?"))) {
            out.add(WHOLE, LintRule.INT_KEY, "key " + name + " is " + INT.matcher(type).replaceFirst("$1")
                    .split("\\s")[0] + ": it runs out, and widening it rewrites the table", swap(sql, definition,
                            INT.matcher(type).replaceFirst("bigint")), null);
        }
        if (SERIAL.matcher(type).find()) {
            out.add(WHOLE, LintRule.SERIAL_OVER_IDENTITY, "column " + name + " is serial: an identity column owns its"
                    + " sequence and its grants", swap(sql, definition, SERIAL.matcher(type)
                            .replaceFirst("bigint GENERATED BY DEFAULT AS IDENTITY")), null);
        }
        if (VARCHAR.matcher(type).find()) {
            out.add(WHOLE, LintRule.VARCHAR_LENGTH, "column " + name + " is varchar(n): raising the limit later is a"
                    + " catalog change, a text column with a CHECK on its length says the same", swap(sql, definition,
                            VARCHAR.matcher(type).replaceFirst("text")), null);
        }
        if (CHAR.matcher(type).find()) {
            out.add(WHOLE, LintRule.CHAR_COLUMN, "column " + name + " is char(n): it pads with spaces and compares"
                    + " them away", swap(sql, definition, CHAR.matcher(type).replaceFirst("text")), null);
        }
        if (TIMESTAMP.matcher(type).find()) {
            out.add(WHOLE, LintRule.TIMESTAMP_WITHOUT_TIME_ZONE, "column " + name + " is timestamp without time zone:"
                    + " it stores the writer's wall clock, not an instant", swap(sql, definition,
                            TIMESTAMP.matcher(type).replaceFirst("timestamptz")), null);
        }
    }

    /** The statement with one column's type changed. */
    private static String swap(String sql, String definition, String newType) {
        Matcher column = COLUMN.matcher(definition);
        column.find();
        String head = definition.substring(0, column.start(2));
        return sql.replace(definition, head + newType);
    }
}
