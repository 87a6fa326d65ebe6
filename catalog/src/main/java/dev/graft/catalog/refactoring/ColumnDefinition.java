package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Location;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column as written everywhere in a catalog (create_table, add_column, into):
 * {@code {name, type, nullable, default, unique, check, references, comment}}. {@code unique}
 * may be {@code true} or {@code {name: ...}}; {@code check} an expression or
 * {@code {expression: ..., name: ...}}.
 *
 * @param location     where the column's map is written
 * @param name         column name
 * @param type         SQL type as written
 * @param nullable     {@code true} unless {@code nullable: false}, as in SQL
 * @param defaultValue the default expression (may be volatile)
 * @param unique       whether a unique constraint is added
 * @param check        a check over the row
 * @param references   a foreign key
 * @param comment      the column comment
 * @param uniqueName   the unique constraint's name, if given
 * @param checkName    the check constraint's name, if given
 */
public record ColumnDefinition(Location location, String name, String type, boolean nullable,
        Optional<Expression> defaultValue, boolean unique, Optional<Expression> check,
        Optional<ForeignKeyReference> references, Optional<String> comment, Optional<String> uniqueName,
        Optional<String> checkName) {

    public ColumnDefinition {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(defaultValue, "defaultValue == null");
        Objects.requireNonNull(check, "check == null");
        Objects.requireNonNull(references, "references == null");
        Objects.requireNonNull(comment, "comment == null");
        Objects.requireNonNull(uniqueName, "uniqueName == null");
        Objects.requireNonNull(checkName, "checkName == null");
    }

    /** A nullable column with nothing else. */
    public static ColumnDefinition of(Location location, String name, String type) {
        return new ColumnDefinition(location, name, type, true, Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The column as the schema view holds it. */
    public ColumnView view() {
        return new ColumnView(name, type, nullable, defaultValue.map(Expression::sql));
    }

    static ColumnDefinition read(Fields in) {
        String name = in.name("name");
        String type = in.columnType("type");
        boolean nullable = in.flag("nullable", true);
        Optional<Expression> defaultValue = in.optionalExpression("default", false);
        boolean unique = false;
        Optional<String> uniqueName = Optional.empty();
        Optional<Node> uniqueNode = in.node("unique");
        if (uniqueNode.isPresent() && uniqueNode.get() instanceof Node.MapNode) {
            uniqueName = in.optionalObject("unique", u -> u.name("name"));
            unique = true;
        } else {
            unique = in.flag("unique", false);
        }
        Optional<Expression> check = Optional.empty();
        Optional<String> checkName = Optional.empty();
        Optional<Node> checkNode = in.node("check");
        if (checkNode.isPresent() && checkNode.get() instanceof Node.MapNode) {
            Optional<NamedCheck> named = in.optionalObject("check",
                    ch -> new NamedCheck(ch.expression("expression", false), ch.optionalName("name")));
            check = named.map(NamedCheck::expression);
            checkName = named.flatMap(NamedCheck::name);
        } else {
            check = in.optionalExpression("check", false);
        }
        return new ColumnDefinition(in.location(), name, type, nullable, defaultValue, unique, check,
                in.optionalObject("references", ForeignKeyReference::read), in.optionalString("comment"),
                uniqueName, checkName);
    }

    private record NamedCheck(Expression expression, Optional<String> name) { }

    /** Checks expressions and the reference; {@code row} are the columns the check may name. */
    void check(Checks c, TableName table, Collection<String> row) {
        if (!nullable && defaultValue.isEmpty() && !Fields.generatesValues(type)) {
            c.declaresRequired(table, name);
        }
        defaultValue.ifPresent(d -> {
            c.constant(d, "default");
            c.assignable(d, "default", type, Optional.empty());
        });
        check.ifPresent(ch -> {
            c.expression(ch, table, row);
            c.condition(ch, "check", c.schema().table(table).map(t -> t.hasColumn(name) ? t : t.withColumn(view())));
        });
        references.ifPresent(r -> r.check(c, List.of(name)));
    }

    YamlOut write() {
        YamlOut out = YamlOut.map().put("name", name).put("type", type);
        if (!nullable) {
            out.put("nullable", false);
        }
        out.putExpression("default", defaultValue);
        if (uniqueName.isPresent()) {
            out.put("unique", YamlOut.map().put("name", uniqueName.get()));
        } else if (unique) {
            out.put("unique", true);
        }
        if (checkName.isPresent() && check.isPresent()) {
            out.put("check", YamlOut.map().put("expression", check.get()).put("name", checkName.get()));
        } else {
            out.putExpression("check", check);
        }
        references.ifPresent(r -> out.put("references", r.write()));
        return out.put("comment", comment);
    }
}
