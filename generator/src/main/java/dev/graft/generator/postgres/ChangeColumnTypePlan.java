package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.regclass;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.Expression;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code change_column_type}: the expand adds a shadow column of the new type
 * ({@code graft_<version>_<table>_<column>}), keeps it in sync ({@code up} forth, {@code down}
 * back, where {@code down} reads the column's name as the new value) and backfills it; a NOT
 * NULL column gets a validated check on the shadow. The contract, in one block, reads from
 * {@code pg_catalog} every constraint, index, incoming foreign key and the comment of the old
 * column, drops it, renames the shadow into place and recreates them, so the result equals an
 * in-place {@code ALTER COLUMN ... TYPE}.
 */
final class ChangeColumnTypePlan implements RefactoringPlanner<ChangeColumnType> {

    @Override
    public Class<ChangeColumnType> type() {
        return ChangeColumnType.class;
    }

    @Override
    public RefactoringPlan plan(ChangeColumnType r, PlanContext context) {
        ColumnView column = context.table(r.table()).column(r.column()).orElseThrow();
        String shadow = context.names().of(r.table(), r.column());
        Map<String, String> backScope = new LinkedHashMap<>();
        for (String name : context.table(r.table()).columnNames()) {
            backScope.put(name, name.equals(r.column()) ? shadow : name);
        }
        SyncedShapes shapes = new SyncedShapes(context, r.table(), r.column() + "_sync", List.of(r.column()),
                Map.of(shadow, r.type()), List.of(r.up().sql()), List.of(r.down().sql()), backScope,
                r.onConflict(), r.backfill());
        String check = NewColumns.notNullCheck(context, r.table(), r.column());
        List<Step> expand = new ArrayList<>(shapes.expand());
        expand.add(new Step.Statement("COMMENT ON COLUMN " + table(r.table()) + "." + quote(shadow) + " IS "
                + literal(context.names().comment())));
        if (!column.nullable()) {
            expand.addAll(OnlineConstraints.checkNotNull(r.table(), shadow, check));
        }
        Optional<String> newDefault = r.defaultValue().map(Expression::sql).or(column::defaultValue);
        return new RefactoringPlan(expand, shapes.release(), List.of(contract(r, shadow, check, newDefault)));
    }

    private static Step contract(ChangeColumnType r, String shadow, String check, Optional<String> newDefault) {
        String t = table(r.table());
        String col = quote(r.column());
        String declarations = "  graft_rel regclass := " + regclass(r.table()) + ";\n"
                + "  graft_attnum smallint;\n  graft_comment text;\n  graft_defs text[];\n  graft_def text;\n";
        StringBuilder body = new StringBuilder();
        body.append("  IF ").append(PgCatalog.columnExists(r.table(), shadow)).append(" THEN\n");
        body.append("    SELECT attnum INTO graft_attnum FROM pg_catalog.pg_attribute WHERE attrelid = graft_rel"
                + " AND attname = ").append(literal(r.column())).append(" AND NOT attisdropped;\n");
        body.append("    graft_comment := pg_catalog.col_description(graft_rel, graft_attnum);\n");
        body.append("    SELECT coalesce(array_agg(format('ALTER TABLE %s ADD CONSTRAINT %I %s', con.conrelid::regclass,"
                + " con.conname, pg_catalog.pg_get_constraintdef(con.oid)) ORDER BY con.contype = 'f', con.conname), '{}')\n"
                + "      INTO graft_defs FROM pg_catalog.pg_constraint con WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')\n"
                + "      AND ((con.conrelid = graft_rel AND graft_attnum = ANY (con.conkey))\n"
                + "        OR (con.confrelid = graft_rel AND graft_attnum = ANY (con.confkey)));\n");
        body.append("    SELECT graft_defs || coalesce(array_agg(pg_catalog.pg_get_indexdef(i.indexrelid)"
                + " ORDER BY i.indexrelid::regclass::text), '{}')\n"
                + "      INTO graft_defs FROM pg_catalog.pg_index i WHERE i.indrelid = graft_rel\n"
                + "      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid"
                + " AND c.contype IN ('p', 'u', 'x'))\n"
                + "      AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
                + " AND d.objid = i.indexrelid AND d.refobjid = graft_rel AND d.refobjsubid = graft_attnum);\n");
        body.append("    FOR graft_def IN SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', con.conrelid::regclass,"
                + " con.conname) FROM pg_catalog.pg_constraint con\n"
                + "      WHERE con.contype = 'f' AND con.confrelid = graft_rel AND con.conrelid <> graft_rel"
                + " AND graft_attnum = ANY (con.confkey) ORDER BY 1 LOOP\n      EXECUTE graft_def;\n    END LOOP;\n");
        body.append("    ALTER TABLE ").append(t).append(" DROP COLUMN ").append(col).append(";\n");
        body.append("    ALTER TABLE ").append(t).append(" RENAME COLUMN ").append(quote(shadow)).append(" TO ")
                .append(col).append(";\n");
        newDefault.ifPresent(d -> body.append("    ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(col)
                .append(" SET DEFAULT (").append(d).append(");\n"));
        body.append("    IF ").append(PgCatalog.constraintExists(r.table(), check)).append(" THEN\n")
                .append("      ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(col).append(" SET NOT NULL;\n")
                .append("      ALTER TABLE ").append(t).append(" DROP CONSTRAINT ").append(quote(check)).append(";\n")
                .append("    END IF;\n");
        body.append("    FOREACH graft_def IN ARRAY graft_defs LOOP\n      EXECUTE graft_def;\n    END LOOP;\n");
        body.append("    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', graft_rel, ").append(literal(r.column()))
                .append(", graft_comment);\n");
        body.append("  END IF;\n");
        return new Step.Block(declarations, body.toString());
    }
}
