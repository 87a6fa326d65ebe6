package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.internal.Fields;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the column-property refactorings ({@link SetDefault}, {@link DropDefault},
 * {@link DropNotNull}, {@link AddIdentity}, {@link DropIdentity}) need to know of a column as
 * the schema view has it: a column created in the catalog carries its identity in its written
 * type ({@code bigint generated always as identity}), one read from a database in
 * {@link ColumnView#identity()}.
 */
final class ColumnProperties {

    private static final Pattern IDENTITY = Pattern.compile("(?i)\\s*(.*?)\\s+generated\\s+(always|by\\s+default)\\s+as\\s+identity\\s*");
    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "int", "bigint", "int2", "int4", "int8");

    private ColumnProperties() { }

    /** {@code always} or {@code by default}, if the column is an identity. */
    static Optional<String> identity(ColumnView c) {
        if (c.identity().isPresent()) {
            return c.identity();
        }
        Matcher m = IDENTITY.matcher(c.type());
        return m.matches() ? Optional.of(m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) : Optional.empty();
    }

    /** Whether the column is a serial (its default is its sequence's nextval). */
    static boolean serial(ColumnView c) {
        return identity(c).isEmpty() && Fields.generatesValues(c.type());
    }

    /** Whether the column has a default: written, or the nextval of a serial. */
    static boolean hasDefault(ColumnView c) {
        return c.defaultValue().isPresent() || serial(c);
    }

    /** Whether the column's values are computed (stored generated column). */
    static boolean generated(ColumnView c) {
        return c.generated().isPresent();
    }

    /** Whether an identity may be put on a column of this type: smallint, integer or bigint. */
    static boolean integer(ColumnView c) {
        String type = c.type().trim().toLowerCase(Locale.ROOT);
        return INTEGERS.contains(type);
    }

    /** The type without a written identity: {@code bigint generated always as identity} is {@code bigint}. */
    static String withoutIdentity(String type) {
        Matcher m = IDENTITY.matcher(type);
        return m.matches() ? m.group(1) : type;
    }

    /** A serial's integer type once its default is gone ({@code bigserial} is {@code bigint}); other types as they are. */
    static String withoutSerial(String type) {
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "serial", "serial4" -> "integer";
            case "bigserial", "serial8" -> "bigint";
            case "smallserial", "serial2" -> "smallint";
            default -> type;
        };
    }
}
