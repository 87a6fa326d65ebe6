package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.TypeView;
import dev.graft.catalog.refactoring.TableName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading and checking what the type refactorings name: enum labels (any text of 1 to 63
 * bytes, as PostgreSQL stores them) and types that must or must not exist.
 */
public final class TypeChecks {

    /** PostgreSQL's NAMEDATALEN less one: the longest label pg_enum holds. */
    private static final int LONGEST_LABEL = 63;

    private TypeChecks() { }

    /** A required, non-empty list of labels under {@code key}, each valid and listed once. */
    public static List<String> labels(Fields in, String key) {
        Optional<Node> value = in.required(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof Node.ListNode list)) {
            in.wrongType(key, "a list of labels", value.get());
            return List.of();
        }
        if (list.items().isEmpty()) {
            in.problems().report(list.location(), ProblemCode.ENUM_LABEL, "\"" + key
                    + "\" must not be empty: give at least one label");
        }
        List<String> labels = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof Node.ScalarNode s && s.kind() != Node.ScalarKind.NULL) {
                checkLabel(in, key, s.text(), s.location());
                if (labels.contains(s.text())) {
                    in.problems().report(s.location(), ProblemCode.ENUM_LABEL,
                            "label \"" + s.text() + "\" is listed twice in \"" + key + "\"");
                }
                labels.add(s.text());
            } else {
                in.wrongType(key, "a list of labels", item);
            }
        }
        return List.copyOf(labels);
    }

    /** A required label under {@code key}. */
    public static String label(Fields in, String key) {
        String label = in.string(key);
        if (in.has(key)) {
            checkLabel(in, key, label, in.at(key));
        }
        return label;
    }

    /** An optional label under {@code key}. */
    public static Optional<String> optionalLabel(Fields in, String key) {
        Optional<String> label = in.optionalString(key);
        label.ifPresent(l -> checkLabel(in, key, l, in.at(key)));
        return label;
    }

    private static void checkLabel(Fields in, String key, String label, Location at) {
        int bytes = label.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > LONGEST_LABEL || label.indexOf('\0') >= 0) {
            in.problems().report(at, ProblemCode.ENUM_LABEL, "invalid label \"" + label + "\" for \"" + key
                    + "\": an enum label is 1 to " + LONGEST_LABEL + " bytes");
        }
    }

    /** {@code name} must not be a type yet, nor a table or view (whose row type has that name). */
    public static void absent(Checks c, TableName name, Location at) {
        String what = c.schema().type(name).isPresent() ? "type" : c.schema().table(name).isPresent() ? "table"
                : c.schema().view(name).isPresent() ? "view" : null;
        if (what != null) {
            c.report(at, ProblemCode.TYPE_EXISTS, what + " \"" + name + "\" already exists"
                    + (what.equals("type") ? "" : ", and its row type has that name"));
        }
    }

    /** The enum {@code name}, if it exists; a missing one, or one that is not an enum, is reported. */
    public static Optional<TypeView> enumType(Checks c, TableName name, Location at) {
        Optional<TypeView> type = c.schema().type(name);
        if (type.isPresent() && !type.get().isEnum()) {
            c.report(at, ProblemCode.NO_SUCH_TYPE, "type \"" + name + "\" is a composite type, not an enum");
            return Optional.empty();
        }
        if (type.isEmpty() && c.exact()) {
            c.report(at, ProblemCode.NO_SUCH_TYPE, "enum type \"" + name + "\" does not exist"
                    + Suggestions.hint(name.toString(), c.schema().types().stream()
                    .map(t -> t.name().toString()).toList()));
        }
        return type;
    }

    /** {@code label} must be one of the enum's labels. */
    public static boolean hasLabel(Checks c, TypeView type, String label, Location at) {
        if (type.labels().contains(label)) {
            return true;
        }
        c.report(at, ProblemCode.ENUM_LABEL, "enum type \"" + type.name() + "\" has no label \"" + label
                + "\"" + Suggestions.hint(label, type.labels()));
        return false;
    }

    /** {@code label} must not be one of the enum's labels yet. */
    public static void lacksLabel(Checks c, TypeView type, String label, Location at) {
        if (type.labels().contains(label)) {
            c.report(at, ProblemCode.ENUM_LABEL, "enum type \"" + type.name() + "\" already has label \""
                    + label + "\"");
        }
    }
}
