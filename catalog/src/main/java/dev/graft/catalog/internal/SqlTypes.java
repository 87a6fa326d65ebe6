package dev.graft.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL's grammar accepts as a column type, checked offline: a built-in type
 * ({@link PostgresBuiltins}) in one of its spellings, or a schema-qualified type of the user's
 * own; modifiers only where the type takes them, in range; {@code with time zone} only after
 * time and timestamp; an interval's fields; array brackets or {@code array}. Anything else after
 * the type, such as {@code references x}, is not part of it; only a new column's type may end in
 * {@code generated always|by default as identity}.
 */
final class SqlTypes {

    /** The text up to the first character no type contains; what the old check let through. */
    private static final Pattern SHAPE = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*\\.)?([A-Za-z_][A-Za-z0-9_]*(?: [A-Za-z_][A-Za-z0-9_]*)*)"
            + "(?: ?\\( *([0-9]+) *(?:, *(-?[0-9]+) *)?\\))?((?: [A-Za-z_][A-Za-z0-9_]*)*)((?: ?\\[[0-9]*\\])*)");

    private static final Pattern INTERVAL_FIELDS = Pattern.compile(
            "( (year|month|day|hour|minute|second)( to (month|hour|minute|second))?)?");

    private static final Set<String> LENGTH_TYPES = Set.of("varchar", "bpchar", "bit", "varbit");
    private static final Set<String> TIME_TYPES = Set.of("time", "timetz", "timestamp", "timestamptz", "interval");
    private static final List<String> ZONED = List.of("time", "timestamp");

    /** A column definition may make the column an identity, as the generator writes it into the column. */
    private static final Pattern IDENTITY = Pattern.compile(
            "(?i)(.*?) generated (always|by default) as identity");

    private static final Set<String> SERIALS = Set.of("serial", "serial2", "serial4", "serial8", "smallserial",
            "bigserial");

    /** Longer than any type is written; keeps the patterns' work small on huge input. */
    private static final int LONGEST = 200;

    private SqlTypes() { }

    /** Whether a column of type {@code written} gets its values by itself: serial or identity. */
    static boolean generatesValues(String written) {
        String type = written.trim().replaceAll("\\s+", " ");
        return type.length() <= LONGEST
                && (IDENTITY.matcher(type).matches() || SERIALS.contains(type.toLowerCase(Locale.ROOT)));
    }

    /**
     * Why {@code written} is not a type, if it is not. {@code columnDefinition}: the type of a new
     * column, which may be serial or end in {@code generated always|by default as identity}; the
     * target of a type change may not (PostgreSQL has no type serial).
     */
    static Optional<String> problem(String written, boolean columnDefinition) {
        String type = written.trim().replaceAll("\\s+", " ");
        if (type.length() > LONGEST) {
            return Optional.of(": longer than " + LONGEST + " characters, which no type is");
        }
        Matcher identity = IDENTITY.matcher(type);
        if (identity.matches() && columnDefinition) {
            type = identity.group(1);
        }
        if (!columnDefinition && generatesValues(type)) {
            return Optional.of(": a type change cannot make a column serial or an identity");
        }
        return problem(type);
    }

    private static Optional<String> problem(String type) {
        Matcher m = SHAPE.matcher(type);
        if (!m.matches()) {
            return Optional.of("");
        }
        String words = m.group(2).toLowerCase(Locale.ROOT);
        String after = m.group(5).trim().toLowerCase(Locale.ROOT);
        Optional<Integer> first = Optional.ofNullable(m.group(3)).map(SqlTypes::number);
        Optional<Integer> second = Optional.ofNullable(m.group(4)).map(SqlTypes::number);
        if (m.group(1) != null && !m.group(1).equalsIgnoreCase("pg_catalog.")) {
            return after.isEmpty() ? Optional.empty() : Optional.of(": \"" + after + "\" is not part of a type");
        }
        String base = longestBuiltin(words);
        if (base == null) {
            String name = words.split(" ")[0];
            return Optional.of(": neither postgresql nor an extension shipped with it has a type \"" + name
                    + "\" (a type of your own is written schema-qualified, as in public." + name + ")"
                    + Suggestions.hint(name, SPELLINGS));
        }
        String rest = (words.substring(base.length()).trim() + " " + after).trim().replaceFirst("(^| )array$", "")
                .trim();
        String pgName = PostgresBuiltins.type(base).orElseThrow();
        if (!rest.isEmpty()) {
            boolean zone = (rest.equals("with time zone") || rest.equals("without time zone")) && ZONED.contains(base);
            boolean fields = pgName.equals("interval") && INTERVAL_FIELDS.matcher(" " + rest).matches();
            if (!zone && !fields) {
                return Optional.of(": \"" + rest + "\" is not part of type \"" + base + "\""
                        + " (constraints, defaults and identity are keys of the column, not of its type)");
            }
        }
        return first.isEmpty() ? Optional.empty() : modifiers(base, pgName, first.get(), second);
    }

    /** The pg_type name of a built-in type written {@code written} ({@code "int4[]"} for arrays), if built in. */
    static Optional<String> builtin(String written) {
        if (written.length() > LONGEST) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(written.trim().replaceAll("\\s+", " "));
        if (!m.matches() || (m.group(1) != null && !m.group(1).equalsIgnoreCase("pg_catalog."))) {
            return Optional.empty();
        }
        String words = (m.group(2) + m.group(5)).toLowerCase(Locale.ROOT).trim();
        String array = m.group(6).isEmpty() ? "" : "[]";
        return PostgresBuiltins.type(words).or(() -> {
            String base = longestBuiltin(words);
            return base != null && words.substring(base.length()).trim().matches("(year|month|day|hour|minute|second)"
                    + "( to (month|hour|minute|second))?") ? PostgresBuiltins.type(base) : Optional.empty();
        }).map(name -> name + array);
    }

    /** The length limit of a character type such as {@code varchar(3)} or {@code char(2)}, if it has one. */
    static Optional<Integer> length(String written) {
        if (written.length() > LONGEST) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(written.trim().replaceAll("\\s+", " "));
        if (!m.matches() || m.group(3) == null || m.group(4) != null || !m.group(6).isEmpty()) {
            return Optional.empty();
        }
        return builtin(written).filter(name -> name.equals("varchar") || name.equals("bpchar"))
                .map(name -> number(m.group(3)));
    }

    private static Optional<String> modifiers(String base, String pgName, int first, Optional<Integer> second) {
        if (LENGTH_TYPES.contains(pgName) && second.isEmpty()) {
            return first >= 1 && first <= 10_485_760 ? Optional.empty()
                    : Optional.of(": the length of \"" + base + "\" must be between 1 and 10485760");
        }
        if (pgName.equals("numeric")) {
            boolean scaleOk = second.map(s -> s >= -1000 && s <= 1000).orElse(true);
            return first >= 1 && first <= 1000 && scaleOk ? Optional.empty()
                    : Optional.of(": numeric precision must be between 1 and 1000, its scale between -1000 and 1000");
        }
        if (TIME_TYPES.contains(pgName) && second.isEmpty()) {
            return first <= 6 ? Optional.empty()
                    : Optional.of(": the precision of \"" + base + "\" must be between 0 and 6");
        }
        if (base.equals("float") && second.isEmpty()) {
            return first >= 1 && first <= 53 ? Optional.empty()
                    : Optional.of(": the precision of \"float\" must be between 1 and 53");
        }
        return Optional.of(": type \"" + base + "\" takes " + (second.isPresent() && LENGTH_TYPES.contains(pgName)
                ? "one length" : "no modifier"));
    }

    /** The longest leading run of words that spells a built-in type, or null. */
    private static String longestBuiltin(String words) {
        String[] parts = words.split(" ");
        for (int n = parts.length; n >= 1; n--) {
            String candidate = String.join(" ", List.of(parts).subList(0, n));
            if (PostgresBuiltins.isType(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int number(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static final List<String> SPELLINGS = List.of("integer", "bigint", "smallint", "text", "varchar",
            "boolean", "numeric", "date", "timestamp", "timestamptz", "uuid", "jsonb", "bytea", "real",
            "double precision", "interval", "time");
}
