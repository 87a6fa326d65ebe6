package dev.graft.verifier.lint;

import dev.graft.verifier.lint.StatementFacts.ActionKind;
import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.lint.StatementFacts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ALTER TABLE} by its words: the table, then each top-level action. PostgreSQL's
 * action grammar ({@code NOT VALID}, {@code DETACH PARTITION ... CONCURRENTLY}, {@code GENERATED
 * ... STORED}) is wider than any parser's, and lint needs only what each action does.
 */
final class AlterTableText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern HEAD = Pattern.compile("\\AALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?("
            + SqlText.NAME + ")\\s*\\*?\\s+(.*)\\z", FLAGS);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("\\AADD\\s+(?:CONSTRAINT\\s+(" + SqlText.NAME
            + ")\\s+)?(CHECK|UNIQUE|PRIMARY\\s+KEY|FOREIGN\\s+KEY|EXCLUDE)\\b(.*)", FLAGS);
    private static final Pattern ADD_COLUMN = Pattern.compile("\\AADD\\s+(?:COLUMN\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?("
            + SqlText.NAME + ")", FLAGS);
    private static final Pattern ALTER_COLUMN = Pattern.compile("\\AALTER\\s+(?:COLUMN\\s+)?(" + SqlText.NAME
            + ")\\s+(SET\\s+DATA\\s+TYPE|TYPE|SET\\s+NOT\\s+NULL|DROP\\s+NOT\\s+NULL)\\b", FLAGS);
    private static final Pattern VALIDATE = Pattern.compile("\\AVALIDATE\\s+CONSTRAINT\\s+(" + SqlText.NAME + ")", FLAGS);
    private static final Pattern RENAME = Pattern.compile("\\ARENAME\\s+(?:(COLUMN|CONSTRAINT)\\s+)?(" + SqlText.NAME
            + ")?\\s*TO\\b", FLAGS);
    private static final Pattern DROP = Pattern.compile("\\ADROP\\s+(COLUMN\\s+|CONSTRAINT\\s+)?(IF\\s+EXISTS\\s+)?("
            + SqlText.NAME + ")", FLAGS);
    private static final Pattern DETACH = Pattern.compile("\\ADETACH\\s+PARTITION\\s+(" + SqlText.NAME
            + ")(?:\\s+(CONCURRENTLY|FINALIZE))?", FLAGS);
    private static final Pattern KEY = Pattern.compile("\\b(PRIMARY\\s+KEY|UNIQUE|EXCLUDE)\\b", FLAGS);
    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT\\s+VALID\\b", FLAGS);
    private static final Pattern USING_INDEX = Pattern.compile("\\A\\s*USING\\s+INDEX\\b", FLAGS);

    private AlterTableText() {
    }

    /** The facts of an {@code ALTER TABLE}, or empty when it is not one. */
    static Optional<StatementFacts> read(String sql) {
        Matcher head = HEAD.matcher(sql);
        if (!head.find()) {
            return Optional.empty();
        }
        List<AlterAction> actions = new ArrayList<>();
        for (String part : SqlText.topLevelParts(head.group(2))) {
            actions.add(action(SqlText.flat(part)));
        }
        return Optional.of(StatementFacts.of(Kind.ALTER_TABLE, head.group(1)).withActions(actions));
    }

    private static AlterAction action(String text) {
        String code = SqlText.withoutLiterals(text);
        Matcher m;
        if ((m = ADD_CONSTRAINT.matcher(text)).find()) {
            String type = USING_INDEX.matcher(m.group(3)).find() ? "USING INDEX" : words(m.group(2));
            return new AlterAction(ActionKind.ADD_CONSTRAINT, m.group(1) == null ? "" : m.group(1), false, type,
                    NOT_VALID.matcher(code).find(), text);
        }
        if ((m = ADD_COLUMN.matcher(text)).find() && !m.group(2).equalsIgnoreCase("CONSTRAINT")) {
            Matcher key = KEY.matcher(code);
            return new AlterAction(ActionKind.ADD_COLUMN, m.group(2), m.group(1) != null, key.find() ? words(key.group(1))
                    : "", false, text);
        }
        if ((m = ALTER_COLUMN.matcher(text)).find()) {
            String what = words(m.group(2));
            ActionKind kind = what.endsWith("TYPE") ? ActionKind.ALTER_TYPE
                    : what.startsWith("SET") ? ActionKind.SET_NOT_NULL : ActionKind.DROP_NOT_NULL;
            return new AlterAction(kind, m.group(1), false, "", false, text);
        }
        if ((m = VALIDATE.matcher(text)).find()) {
            return new AlterAction(ActionKind.VALIDATE, m.group(1), false, "", false, text);
        }
        if ((m = RENAME.matcher(text)).find()) {
            String what = m.group(1) != null ? words(m.group(1)) : m.group(2) == null ? "TABLE" : "COLUMN";
            return new AlterAction(ActionKind.RENAME, m.group(2) == null ? "" : m.group(2), false, what, false, text);
        }
        if ((m = DROP.matcher(text)).find() && !m.group(3).equalsIgnoreCase("NOT")
                && !m.group(3).equalsIgnoreCase("DEFAULT")) {
            boolean constraint = m.group(1) != null && m.group(1).strip().equalsIgnoreCase("CONSTRAINT");
            return new AlterAction(constraint ? ActionKind.DROP_CONSTRAINT : ActionKind.DROP_COLUMN, m.group(3),
                    m.group(2) != null, "", false, text);
        }
        if ((m = DETACH.matcher(text)).find()) {
            return new AlterAction(ActionKind.DETACH, m.group(1), false, m.group(2) == null ? "" : words(m.group(2)),
                    false, text);
        }
        return new AlterAction(ActionKind.OTHER, "", false, "", false, text);
    }

    private static String words(String keywords) {
        return keywords.toUpperCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
