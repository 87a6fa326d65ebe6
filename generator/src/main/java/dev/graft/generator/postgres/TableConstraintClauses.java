package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.refactoring.TableConstraint;
import java.util.stream.Collectors;

/** SQL text of create_table's table constraints: {@code CONSTRAINT "name" UNIQUE ...}, {@code EXCLUDE USING ...}. */
final class TableConstraintClauses {

    private TableConstraintClauses() { }

    /** {@code CONSTRAINT "name" <definition>}, named as PostgreSQL would name it when no name is given. */
    static String clause(String table, TableConstraint constraint) {
        return "CONSTRAINT " + quote(constraint.nameOn(table)) + " " + definition(constraint);
    }

    static String definition(TableConstraint constraint) {
        if (constraint instanceof TableConstraint.Unique u) {
            return "UNIQUE " + (u.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + "(" + list(u.columns()) + ")"
                    + u.deferral().sql();
        }
        if (constraint instanceof TableConstraint.Check c) {
            return "CHECK (" + c.expression().sql() + ")";
        }
        if (constraint instanceof TableConstraint.ForeignKey f) {
            return ColumnClauses.foreignKey(f.columns(), f.references());
        }
        TableConstraint.Exclude e = (TableConstraint.Exclude) constraint;
        // the method and operators were checked against fixed spellings by the catalog
        String elements = e.elements().stream().map(el -> el.column().map(c -> quote(c))
                .orElseGet(() -> "(" + el.expression().orElseThrow().sql() + ")") + " WITH " + el.operator())
                .collect(Collectors.joining(", "));
        return "EXCLUDE USING " + e.using() + " (" + elements + ")"
                + e.where().map(w -> " WHERE (" + w.sql() + ")").orElse("") + e.deferral().sql();
    }
}
