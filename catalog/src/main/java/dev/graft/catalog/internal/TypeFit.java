package dev.graft.catalog.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Whether a value can be stored in a column of a type, or serve as a condition, judged offline
 * from the value's {@link ValueShape} and PostgreSQL's assignment rules between type families:
 * anything can be stored as text; numbers, booleans, dates and times and other types convert
 * into each other only by an explicit cast; a string literal is read by the target type's input
 * function, so {@code 'x'} is no bigint, and one longer than a {@code varchar(n)} (trailing spaces
 * aside) does not fit. When a type is not known offline, nothing is claimed; nor for money,
 * which reads both numbers and currency text.
 */
final class TypeFit {

    /** Families of built-in types, named as PostgreSQL's messages name them. */
    enum Family { NUMERIC, TEXT, BOOLEAN, TEMPORAL, OTHER }

    private static final Set<String> NUMERIC = Set.of("int2", "int4", "int8", "numeric", "float4", "float8", "oid");
    private static final Set<String> TEXT = Set.of("text", "varchar", "bpchar", "name", "char");
    private static final Set<String> TEMPORAL = Set.of("date", "time", "timetz", "timestamp", "timestamptz",
            "interval");
    private static final Pattern NUMBER = Pattern.compile(
            "\\s*[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*|\\s*[-+]?(nan|infinity|inf)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOOLEAN = Pattern.compile(
            "\\s*(t|tr|tru|true|f|fa|fal|fals|false|y|ye|yes|n|no|on|of|off|1|0)\\s*", Pattern.CASE_INSENSITIVE);
    private static final int SHOWN = 40;

    private TypeFit() { }

    /**
     * Why a value of {@code shape} cannot be stored in a column of {@code target}, if it cannot.
     *
     * @param columnType the type of a column of the row, by name, if known
     */
    static Optional<String> mismatch(ValueShape shape, String target, Function<String, Optional<String>> columnType) {
        Optional<Family> into = SqlTypes.builtin(target).filter(name -> !name.equals("money")).map(TypeFit::family);
        if (into.isPresent() && into.get() == Family.TEXT && shape.form() == ValueShape.Form.STRING) {
            String stored = shape.detail().replaceFirst(" +$", "");
            int characters = stored.codePointCount(0, stored.length());
            return SqlTypes.length(target).filter(n -> characters > n).map(n -> "is a string of " + characters
                    + " characters, longer than " + target + " holds");
        }
        if (into.isEmpty() || into.get() == Family.TEXT) {
            return Optional.empty();
        }
        if (shape.form() == ValueShape.Form.STRING) {
            boolean readable = switch (into.get()) {
                case NUMERIC -> NUMBER.matcher(shape.detail()).matches();
                case BOOLEAN -> BOOLEAN.matcher(shape.detail()).matches();
                default -> true;
            };
            return readable ? Optional.empty() : Optional.of("is the string " + shown(shape.detail())
                    + ", which is not a valid " + target);
        }
        return typeOf(shape, columnType).filter(found -> {
            Optional<String> builtin = SqlTypes.builtin(found);
            return builtin.isPresent() && family(builtin.get()) != into.get()
                    && !(builtin.get().endsWith("[]") || target.contains("["));
        }).map(found -> "is of type " + found + ", but the column is " + target + ": cast it explicitly");
    }

    /** Why a value of {@code shape} is not a condition, if it certainly is not. */
    static Optional<String> notCondition(ValueShape shape, Function<String, Optional<String>> columnType) {
        if (shape.form() == ValueShape.Form.STRING) {
            return BOOLEAN.matcher(shape.detail()).matches() ? Optional.empty()
                    : Optional.of("is the string " + shown(shape.detail()) + ", not a condition");
        }
        if (shape.form() == ValueShape.Form.ARITHMETIC) {
            return Optional.of("computes a value with " + shape.detail() + ", not a condition: write a condition"
                    + " such as x > 0");
        }
        return typeOf(shape, columnType).filter(found -> SqlTypes.builtin(found)
                .filter(name -> family(name) != Family.BOOLEAN).isPresent())
                .map(found -> "is of type " + found + ", not boolean: write a condition such as x > 0");
    }

    /** The type a value of {@code shape} certainly has, if known. */
    private static Optional<String> typeOf(ValueShape shape, Function<String, Optional<String>> columnType) {
        return switch (shape.form()) {
            case NUMBER -> Optional.of(shape.detail().matches("[-+]?[0-9]+") ? "integer" : "numeric");
            case CONDITION -> Optional.of("boolean");
            case CAST -> Optional.of(shape.detail());
            case COLUMN -> columnType.apply(shape.detail());
            default -> Optional.empty();
        };
    }

    static Family family(String pgName) {
        if (pgName.endsWith("[]")) {
            return Family.OTHER;
        }
        String name = pgName.toLowerCase(Locale.ROOT);
        if (NUMERIC.contains(name)) {
            return Family.NUMERIC;
        }
        if (TEXT.contains(name)) {
            return Family.TEXT;
        }
        if (TEMPORAL.contains(name)) {
            return Family.TEMPORAL;
        }
        return name.equals("bool") ? Family.BOOLEAN : Family.OTHER;
    }

    private static String shown(String text) {
        String cut = text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
        return "'" + cut.replace("'", "''") + "'";
    }
}
