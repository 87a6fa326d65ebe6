package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.refactoring.ColumnDefinition;
import dev.graft.catalog.refactoring.ForeignKeyReference;
import dev.graft.catalog.refactoring.MatchType;
import dev.graft.catalog.refactoring.ReferentialAction;
import dev.graft.catalog.refactoring.TableName;
import java.util.List;

/** SQL text of column definitions and of the constraints a column declares. */
final class ColumnClauses {

    private ColumnClauses() { }

    /**
     * {@code "name" type}, with its collation, identity or generated expression, and NOT NULL and
     * DEFAULT when asked.
     */
    static String column(ColumnDefinition c, boolean notNull, boolean withDefault) {
        StringBuilder sql = new StringBuilder(quote(c.name())).append(' ').append(c.type());
        c.collate().ifPresent(collation -> sql.append(" COLLATE ").append(quote(collation)));
        c.identity().ifPresent(identity -> sql.append(' ').append(identity.sql()));
        c.generated().ifPresent(generated -> sql.append(' ').append(generated.sql()));
        if (notNull && !c.nullable()) {
            sql.append(" NOT NULL");
        }
        if (withDefault) {
            c.defaultValue().ifPresent(d -> sql.append(" DEFAULT (").append(d.sql()).append(')'));
        }
        return sql.toString();
    }

    static String uniqueName(TableName t, ColumnDefinition c) {
        return c.uniqueName().orElse(ConstraintNames.of(t.name(), List.of(c.name()), "key"));
    }

    static String checkName(TableName t, ColumnDefinition c) {
        return c.checkName().orElse(ConstraintNames.of(t.name(), List.of(c.name()), "check"));
    }

    static String foreignKeyName(TableName t, ColumnDefinition c) {
        return c.references().flatMap(ForeignKeyReference::name)
                .orElse(ConstraintNames.of(t.name(), List.of(c.name()), "fkey"));
    }

    /** {@code UNIQUE ("c")}, or {@code UNIQUE NULLS NOT DISTINCT ("c")}. */
    static String unique(ColumnDefinition c) {
        return "UNIQUE " + (c.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + "(" + quote(c.name()) + ")";
    }

    /** {@code CHECK (expr)}. */
    static String check(ColumnDefinition c) {
        return "CHECK (" + c.check().orElseThrow().sql() + ")";
    }

    /** {@code FOREIGN KEY ("c") REFERENCES "s"."t" ("k") MATCH FULL ON DELETE ... DEFERRABLE}. */
    static String foreignKey(List<String> columns, ForeignKeyReference r) {
        return foreignKey(columns, r.table(), r.columns(), r.match(), r.onDelete(), r.onUpdate()) + r.deferral().sql();
    }

    /** The foreign key as the schema view holds it. */
    static String foreignKey(ForeignKeyView k) {
        return foreignKey(k.columns(), k.referencedTable(), k.referencedColumns(), MatchType.SIMPLE, k.onDelete(),
                k.onUpdate());
    }

    private static String foreignKey(List<String> columns, TableName referenced, List<String> referencedColumns,
            MatchType match, ReferentialAction onDelete, ReferentialAction onUpdate) {
        StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(list(columns)).append(") REFERENCES ")
                .append(table(referenced));
        if (!referencedColumns.isEmpty()) {
            sql.append(" (").append(list(referencedColumns)).append(')');
        }
        if (match != MatchType.SIMPLE) {
            sql.append(' ').append(match.sql());
        }
        if (onDelete != ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(onDelete.sql());
        }
        if (onUpdate != ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(onUpdate.sql());
        }
        return sql.toString();
    }
}
