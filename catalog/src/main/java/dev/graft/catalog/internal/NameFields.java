package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.refactoring.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The names a map holds: identifiers, lists of them, and table names, each checked where it is written. */
final class NameFields {

    private final Fields in;

    NameFields(Fields in) {
        this.in = in;
    }

    String name(String key) {
        String name = in.string(key);
        if (in.has(key)) {
            checkName(key, name, in.at(key));
        }
        return name;
    }

    Optional<String> optionalName(String key) {
        Optional<String> name = in.optionalString(key);
        name.ifPresent(n -> checkName(key, n, in.at(key)));
        return name;
    }

    void checkName(String key, String name, Location at) {
        if (!Identifiers.isValid(name)) {
            in.problems().report(at, ProblemCode.INVALID_IDENTIFIER, "invalid name \"" + name + "\" for \"" + key
                    + "\": use letters, digits and _, not starting with a digit, at most 63 bytes");
        }
    }

    List<String> names(String key) {
        in.required(key);
        return optionalNames(key);
    }

    List<String> optionalNames(String key) {
        Optional<Node> value = in.node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<Node> items = value.get() instanceof Node.ListNode l ? l.items() : List.of(value.get());
        if (items.isEmpty()) {
            in.problems().report(value.get().location(), ProblemCode.MISSING_KEY, "\"" + key
                    + "\" must not be empty: name at least one column");
        }
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof Node.ScalarNode s) {
                checkName(key, s.text(), s.location());
                if (names.contains(s.text())) {
                    in.problems().report(s.location(), ProblemCode.DUPLICATE_NAME,
                            "\"" + s.text() + "\" is listed twice in \"" + key + "\"");
                }
                names.add(s.text());
            } else {
                in.wrongType(key, "a name or a list of names", item);
            }
        }
        return List.copyOf(names);
    }

    TableName table(String key) {
        String text = in.string(key);
        TableName table = TableName.parse(text);
        if (in.has(key)) {
            checkTable(key, table, in.at(key));
        }
        return table;
    }

    void checkTable(String key, TableName table, Location at) {
        if (!Identifiers.isValid(table.schema()) || !Identifiers.isValid(table.name())) {
            in.problems().report(at, ProblemCode.INVALID_IDENTIFIER, "invalid table name \"" + table.qualified()
                    .replaceFirst("^public\\.", "") + "\" for \"" + key
                    + "\": use letters, digits and _, optionally schema-qualified as schema.table");
        }
    }
}
