package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.AddConstraint;
import dev.graft.catalog.refactoring.ExclusionElement;
import dev.graft.catalog.refactoring.ForeignKeyReference;
import dev.graft.catalog.refactoring.IndexParameters;
import dev.graft.catalog.refactoring.ReferentialAction;
import java.util.List;
import java.util.stream.Collectors;

/** The SQL clauses of {@code add_constraint}: definitions, index options, deferrability. */
final class ConstraintClauses {

    private ConstraintClauses() { }

    /** {@code CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS} for a unique key or primary key. */
    static String uniqueIndex(AddConstraint r) {
        return "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + quote(r.constraintName()) + " ON "
                + table(r.table()) + " (" + list(r.columns()) + ")" + include(r.index())
                + (r.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + with(r.index())
                + r.index().tablespace().map(t -> " TABLESPACE " + quote(t)).orElse("");
    }

    /** {@code FOREIGN KEY (..) REFERENCES t (..) [MATCH FULL] [ON DELETE ..] [ON UPDATE ..]}. */
    static String foreignKey(AddConstraint r, List<String> referenced) {
        ForeignKeyReference ref = r.references().orElseThrow();
        StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(list(r.columns())).append(") REFERENCES ")
                .append(table(ref.table())).append(" (").append(list(referenced)).append(')');
        if (r.matchFull()) {
            sql.append(" MATCH FULL");
        }
        if (ref.onDelete() != ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(ref.onDelete().sql());
        }
        if (ref.onUpdate() != ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(ref.onUpdate().sql());
        }
        return sql.append(deferrable(r)).toString();
    }

    /** {@code EXCLUDE USING gist (c WITH =, (e) WITH &&) INCLUDE .. WITH .. USING INDEX TABLESPACE .. WHERE ..}. */
    static String exclude(AddConstraint r) {
        String elements = r.elements().stream().map(ConstraintClauses::element).collect(Collectors.joining(", "));
        return "EXCLUDE USING " + r.using() + " (" + elements + ")" + include(r.index()) + with(r.index())
                + r.index().tablespace().map(t -> " USING INDEX TABLESPACE " + quote(t)).orElse("")
                + r.where().map(w -> " WHERE (" + w.sql() + ")").orElse("") + deferrable(r);
    }

    private static String element(ExclusionElement e) {
        return e.column().map(c -> quote(c)).orElseGet(() -> "(" + e.expression().orElseThrow().sql() + ")")
                + " WITH " + e.operator();
    }

    /** {@code  DEFERRABLE}, {@code  DEFERRABLE INITIALLY DEFERRED} or nothing. */
    static String deferrable(AddConstraint r) {
        if (r.initiallyDeferred()) {
            return " DEFERRABLE INITIALLY DEFERRED";
        }
        return r.deferrable() ? " DEFERRABLE" : "";
    }

    private static String include(IndexParameters p) {
        return p.include().isEmpty() ? "" : " INCLUDE (" + list(p.include()) + ")";
    }

    private static String with(IndexParameters p) {
        if (p.storageParameters().isEmpty()) {
            return "";
        }
        return " WITH (" + p.storageParameters().entrySet().stream()
                .map(e -> quote(e.getKey()) + " = " + literal(e.getValue())).collect(Collectors.joining(", ")) + ")";
    }
}
