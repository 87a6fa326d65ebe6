package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A column as written everywhere in a catalog (create_table, add_column, into):
 * {@code {name, type, nullable, default, unique, check, references, comment, collate, identity,
 * generated}}. {@code unique} may be {@code true} or {@code {name: ..., nulls_not_distinct: true}};
 * {@code check} an expression or {@code {expression: ..., name: ...}}; {@code identity} is
 * {@code always} or {@code by_default}; {@code generated} is {@code {expression, stored}}.
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
 * @param nullsNotDistinct whether the unique constraint treats nulls as equal ({@code NULLS NOT DISTINCT})
 * @param generated    the expression of a generated column
 * @param identity     the identity of an identity column
 * @param collate      the column's collation
 */
public record ColumnDefinition(Location location, String name, String type, boolean nullable,
        Optional<Expression> defaultValue, boolean unique, Optional<Expression> check,
        Optional<ForeignKeyReference> references, Optional<String> comment, Optional<String> uniqueName,
        Optional<String> checkName, boolean nullsNotDistinct, Optional<GeneratedExpression> generated,
        Optional<ColumnIdentity> identity, Optional<String> collate) {

    private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "int", "bigint", "int2", "int4", "int8");

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
        Objects.requireNonNull(generated, "generated == null");
        Objects.requireNonNull(identity, "identity == null");
        Objects.requireNonNull(collate, "collate == null");
    }

    /** A column without identity, generated expression or collation. */
    public ColumnDefinition(Location location, String name, String type, boolean nullable,
            Optional<Expression> defaultValue, boolean unique, Optional<Expression> check,
            Optional<ForeignKeyReference> references, Optional<String> comment, Optional<String> uniqueName,
            Optional<String> checkName) {
        this(location, name, type, nullable, defaultValue, unique, check, references, comment, uniqueName, checkName,
                false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A nullable column with nothing else. */
    public static ColumnDefinition of(Location location, String name, String type) {
        return new ColumnDefinition(location, name, type, true, Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The column as the schema view holds it (an identity column is NOT NULL). */
    public ColumnView view() {
        return new ColumnView(name, type, nullable && identity.isEmpty(), defaultValue.map(Expression::sql));
    }

    /** Whether PostgreSQL fills the column by itself: serial, identity or generated. */
    public boolean fillsItself() {
        return identity.isPresent() || generated.isPresent() || Fields.generatesValues(type);
    }

    static ColumnDefinition read(Fields in) {
        String name = in.name("name");
        String type = in.columnType("type");
        boolean nullable = in.flag("nullable", true);
        Optional<Expression> defaultValue = in.optionalExpression("default", false);
        boolean unique = false;
        Optional<String> uniqueName = Optional.empty();
        boolean nullsNotDistinct = false;
        Optional<Node> uniqueNode = in.node("unique");
        if (uniqueNode.isPresent() && uniqueNode.get() instanceof Node.MapNode) {
            Optional<NamedUnique> named = in.optionalObject("unique",
                    u -> new NamedUnique(u.optionalName("name"), u.flag("nulls_not_distinct", false)));
            uniqueName = named.flatMap(NamedUnique::name);
            nullsNotDistinct = named.map(NamedUnique::nullsNotDistinct).orElse(false);
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
        Optional<ForeignKeyReference> references = in.optionalObject("references", ForeignKeyReference::read);
        Optional<String> comment = in.optionalString("comment");
        Optional<GeneratedExpression> generated = GeneratedExpression.read(in, "generated");
        Optional<ColumnIdentity> identity = Optional.ofNullable(
                in.choice("identity", ColumnIdentity::parse, ColumnIdentity.SPELLINGS, null));
        Optional<String> collate = in.optionalString("collate");
        collate.filter(String::isBlank).ifPresent(x -> in.problems().report(in.at("collate"),
                ProblemCode.INVALID_IDENTIFIER, "\"collate\" must name a collation"));
        return new ColumnDefinition(in.location(), name, type, nullable, defaultValue, unique, check, references,
                comment, uniqueName, checkName, nullsNotDistinct, generated, identity, collate);
    }

    private record NamedCheck(Expression expression, Optional<String> name) { }

    private record NamedUnique(Optional<String> name, boolean nullsNotDistinct) { }

    /** Checks expressions and the reference; {@code row} are the columns the check may name. */
    void check(Checks c, TableName table, Collection<String> row) {
        if (!nullable && defaultValue.isEmpty() && !fillsItself()) {
            c.declaresRequired(table, name);
        }
        checkValueSources(c);
        generated.ifPresent(g -> {
            c.expression(g.expression(), table, row.stream().filter(n -> !n.equals(name)).toList());
            c.assignable(g.expression(), "generated", type, c.schema().table(table));
        });
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

    /** Default, identity and generated expression exclude each other; identity needs an integer type. */
    private void checkValueSources(Checks c) {
        String sources = (defaultValue.isPresent() ? "default " : "") + (identity.isPresent() ? "identity " : "")
                + (generated.isPresent() ? "generated " : "")
                + (Fields.generatesValues(type) && (identity.isPresent() || generated.isPresent()) ? "type " : "");
        if (sources.strip().contains(" ")) {
            c.report(location, ProblemCode.COLUMN_VALUE, "column \"" + name + "\" has "
                    + String.join(" and ", sources.strip().split(" ")) + ": it can take its value from only one of them");
        }
        if (identity.isPresent() && !INTEGER_TYPES.contains(type.strip().toLowerCase(Locale.ROOT))) {
            c.report(location, ProblemCode.COLUMN_VALUE, "identity column \"" + name
                    + "\" must be smallint, integer or bigint, not " + type);
        }
    }

    YamlOut write() {
        YamlOut out = YamlOut.map().put("name", name).put("type", type);
        if (!nullable) {
            out.put("nullable", false);
        }
        out.putExpression("default", defaultValue);
        identity.ifPresent(i -> out.put("identity", i.yaml()));
        generated.ifPresent(g -> out.put("generated", g.write()));
        out.put("collate", collate);
        if (uniqueName.isPresent() || nullsNotDistinct) {
            YamlOut u = YamlOut.map().put("name", uniqueName);
            out.put("unique", nullsNotDistinct ? u.put("nulls_not_distinct", true) : u);
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
