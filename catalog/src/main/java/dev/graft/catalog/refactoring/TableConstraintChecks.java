package dev.graft.catalog.refactoring;

import dev.graft.catalog.CheckView;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.PostgresParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What create_table checks of its table constraints and generated columns, and how they enter the schema view. */
final class TableConstraintChecks {

    static final List<String> METHODS = List.of("gist", "spgist", "btree", "hash", "gin", "brin");
    /** PostgreSQL's operator characters; {@code OPERATOR(schema.op)} is not accepted. */
    private static final Pattern OPERATOR = Pattern.compile("[+\\-*/<>=~!@#%^&|`?]{1,63}");

    private TableConstraintChecks() { }

    /** Checks every table constraint against {@code draft} (the table as created). */
    static void check(CreateTable r, TableView draft, Checks c) {
        List<String> names = draft.columnNames();
        for (TableConstraint k : r.constraints()) {
            if (k instanceof TableConstraint.Unique u) {
                c.columns(draft, u.columns(), u.location());
                duplicates(c, u.location(), u.columns(), "unique");
            } else if (k instanceof TableConstraint.Check ch) {
                c.expression(ch.expression(), r.table(), names);
                c.condition(ch.expression(), "check", Optional.of(draft));
            } else if (k instanceof TableConstraint.ForeignKey f) {
                if (c.columns(draft, f.columns(), f.location())) {
                    f.references().check(c, f.columns());
                }
                duplicates(c, f.location(), f.columns(), "foreign_key");
            } else {
                checkExclude((TableConstraint.Exclude) k, r, draft, c);
            }
        }
        uniqueNames(r, c);
        generatedColumns(r, c);
    }

    private static void checkExclude(TableConstraint.Exclude e, CreateTable r, TableView draft, Checks c) {
        if (!METHODS.contains(e.using())) {
            c.report(e.location(), ProblemCode.BAD_CHOICE, "\"using\" must be one of " + String.join(", ", METHODS)
                    + ", found \"" + e.using() + "\"");
        }
        for (TableConstraint.ExclusionElement el : e.elements()) {
            el.column().ifPresent(col -> c.column(draft, col, el.location()));
            el.expression().ifPresent(x -> c.expression(x, r.table(), draft.columnNames()));
            if (!OPERATOR.matcher(el.operator()).matches()) {
                c.report(el.location(), ProblemCode.BAD_CHOICE, "\"" + el.operator() + "\" is not an operator");
            }
        }
        e.where().ifPresent(w -> {
            c.expression(w, r.table(), draft.columnNames());
            c.condition(w, "where", Optional.of(draft));
        });
        if (e.name().isEmpty() && e.elements().stream().anyMatch(el -> el.expression().isPresent())) {
            c.missing(e.location(), "an exclusion constraint over an expression needs a \"name\"");
        }
    }

    private static void duplicates(Checks c, Location at, List<String> columns, String key) {
        Set<String> seen = new java.util.HashSet<>();
        columns.stream().filter(n -> !seen.add(n)).distinct().forEach(n -> c.duplicate(at, n, key));
    }

    /** Every constraint of the new table has its own name: PostgreSQL would refuse the second. */
    private static void uniqueNames(CreateTable r, Checks c) {
        String table = r.table().name();
        Map<String, Location> seen = new HashMap<>();
        r.primaryKey().ifPresent(pk -> seen.put(pk.name().orElse(dev.graft.catalog.ConstraintNames.primaryKey(table)),
                r.location()));
        for (ColumnDefinition col : r.columns()) {
            TableView one = CreateTable.withConstraints(TableView.of(r.table(), List.of()), col);
            one.uniqueKeys().forEach(k -> taken(c, seen, k.name(), col.location()));
            one.checks().forEach(k -> taken(c, seen, k.name(), col.location()));
            one.foreignKeys().forEach(k -> taken(c, seen, k.name(), col.location()));
        }
        r.constraints().forEach(k -> taken(c, seen, k.nameOn(table), k.location()));
    }

    private static void taken(Checks c, Map<String, Location> seen, String name, Location at) {
        Location first = seen.putIfAbsent(name, at);
        if (first != null) {
            c.report(at, ProblemCode.CONSTRAINT_NAME_TAKEN, "constraint \"" + name + "\" is already the name of a"
                    + " constraint of this table (line " + first.line() + "): give one of them a \"name\"");
        }
    }

    /** A generated column cannot name another generated column. */
    private static void generatedColumns(CreateTable r, Checks c) {
        Set<String> generated = new java.util.HashSet<>();
        r.columns().stream().filter(col -> col.generated().isPresent()).forEach(col -> generated.add(col.name()));
        for (ColumnDefinition col : r.columns()) {
            col.generated().ifPresent(g -> PostgresParser.expression(g.expression().sql()).columns().stream()
                    .map(ref -> ref.name()).filter(generated::contains).distinct()
                    .forEach(n -> c.report(g.expression().location(), ProblemCode.GENERATED_COLUMN,
                            "generated column \"" + col.name() + "\" names generated column \"" + n
                                    + "\": name the columns it is computed from instead")));
        }
    }

    /** The table with its table constraints, as the schema view holds it (exclusion constraints are not held). */
    static TableView withConstraints(TableView t, List<TableConstraint> constraints) {
        String table = t.name().name();
        for (TableConstraint k : constraints) {
            if (k instanceof TableConstraint.Unique u) {
                t = t.withUniqueKey(new KeyView(u.nameOn(table), u.columns()));
            } else if (k instanceof TableConstraint.Check ch) {
                t = t.withCheck(new CheckView(ch.nameOn(table), ch.expression().sql()));
            } else if (k instanceof TableConstraint.ForeignKey f) {
                ForeignKeyReference ref = f.references();
                t = t.withForeignKey(new ForeignKeyView(f.nameOn(table), f.columns(), ref.table(), ref.columns(),
                        ref.onDelete(), ref.onUpdate()));
            }
        }
        return t;
    }
}
