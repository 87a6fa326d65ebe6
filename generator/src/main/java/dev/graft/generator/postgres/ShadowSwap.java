package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.regclass;

import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.SqlIdentifier;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The contract of change_column_type, without holding a lock that stops writers for longer than
 * a catalog change. In order, each step idempotent on its own (the migration runs outside a
 * transaction, and may be stopped after any statement and run again):
 * <ol>
 * <li>the swap, one statement: what the view knows is attached to the column is renamed out of
 *     the way, the column is renamed to {@code retired}, the shadow takes its name, default, NOT
 *     NULL and comment, and the trigger now only keeps {@code retired} following the new column
 *     (so the original unique keys and foreign keys stay enforced, through it, until replaced);</li>
 * <li>indexes and unique keys built again, concurrently, on the new column, under their names
 *     (a concurrent build names the column, which exists under that name from step 1 on: that
 *     is what makes it safe to run again);</li>
 * <li>unique constraints attached to their new index; checks and foreign keys, both ways, added
 *     NOT VALID and validated;</li>
 * <li>the end, atomic with the release of the triggers: whatever else still depends on
 *     {@code retired} (the primary key, an exclusion constraint, what was made outside the
 *     catalog, an index the view described differently than it is) is read from
 *     {@code pg_catalog} and recreated on the new column, as the in-place change would have
 *     (this part does hold a lock while it builds); then {@code retired} is dropped.</li>
 * </ol>
 *
 * @param table       the table
 * @param column      the column whose type changes
 * @param shadow      the shadow column of the new type
 * @param retired     the old column's name from the swap on
 * @param trigger     the transition trigger's function name
 * @param notNull     the name of the shadow's NOT NULL check, if the column is NOT NULL
 * @param newDefault  the column's default after the change
 * @param down        the old value computed from the new one ({@code down} over the row)
 * @param scope       the columns {@code down} reads, each its own field
 * @param attachments what the view knows is attached to the column
 */
record ShadowSwap(TableName table, String column, String shadow, String retired, String trigger, String notNull,
        Optional<String> newDefault, String down, List<String> scope, ColumnAttachments attachments) {

    ShadowSwap {
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(newDefault, "newDefault == null");
        scope = List.copyOf(scope);
    }

    /** Steps 1 to 3. */
    List<Step> prepare() {
        List<Step> steps = new ArrayList<>();
        steps.add(swap());
        for (ColumnAttachments.Index i : attachments.indexes()) {
            steps.add(new Step.ConcurrentIndex(table, i.name(), "CREATE " + (i.unique() ? "UNIQUE " : "")
                    + "INDEX CONCURRENTLY IF NOT EXISTS " + quote(i.name()) + " ON " + SqlIdentifier.table(table) + " " + i.on()
                    + i.where().map(w -> " WHERE (" + w + ")").orElse("")));
        }
        for (ColumnAttachments.Index i : attachments.indexes().stream().filter(ColumnAttachments.Index::unique).toList()) {
            steps.add(new Step.Guarded(PgCatalog.and(uniqueConstraint(i.temporary()),
                    PgCatalog.not(PgCatalog.constraintExists(table, i.name()))), "ALTER TABLE " + SqlIdentifier.table(table)
                    + " ADD CONSTRAINT " + quote(i.name()) + " UNIQUE USING INDEX " + quote(i.name())));
        }
        for (ColumnAttachments.Constraint c : attachments.constraints()) {
            steps.addAll(OnlineConstraints.addValidated(c.table(), c.name(), c.definition()));
        }
        return steps;
    }

    /** Step 4. */
    Step end() {
        String declarations = "  graft_rel regclass := " + regclass(table) + ";\n  graft_attnum smallint;\n"
                + "  graft_index text;\n" + ColumnDependents.DECLARATIONS;
        List<String> temporaries = attachments.temporaries();
        String skip = temporaries.isEmpty() ? "ARRAY[]::text[]"
                : "ARRAY[" + temporaries.stream().map(n -> literal(n)).collect(Collectors.joining(", ")) + "]";
        StringBuilder body = new StringBuilder();
        body.append("  IF ").append(PgCatalog.columnExists(table, retired)).append(" THEN\n");
        body.append("    SELECT attnum INTO graft_attnum FROM pg_catalog.pg_attribute WHERE attrelid = graft_rel"
                + " AND attname = ").append(literal(retired)).append(" AND NOT attisdropped;\n");
        body.append(ColumnDependents.collect("graft_attnum", Optional.empty(), Optional.of(skip), this::onNewColumn));
        if (!attachments.indexes().isEmpty()) {
            body.append(rebuildDifferent());
        }
        body.append(ColumnDependents.dropIncoming("graft_attnum"));
        body.append("    ALTER TABLE ").append(SqlIdentifier.table(table)).append(" DROP COLUMN ").append(quote(retired)).append(";\n");
        body.append(ColumnDependents.recreate());
        body.append("  END IF;\n");
        return new Step.Block(declarations, body.toString());
    }

    /** Step 1. */
    private Step swap() {
        String t = SqlIdentifier.table(table);
        String col = quote(column);
        String declarations = "  graft_rel regclass := " + regclass(table) + ";\n  graft_attnum smallint;\n"
                + "  graft_comment text;\n  graft_name text;\n";
        StringBuilder body = new StringBuilder();
        body.append("  IF ").append(PgCatalog.columnExists(table, shadow)).append(" THEN\n");
        body.append("    SELECT attnum INTO graft_attnum FROM pg_catalog.pg_attribute WHERE attrelid = graft_rel"
                + " AND attname = ").append(literal(column)).append(" AND NOT attisdropped;\n");
        body.append("    graft_comment := pg_catalog.col_description(graft_rel, graft_attnum);\n");
        for (ColumnAttachments.Index i : attachments.indexes()) {
            body.append("    IF EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indexrelid = ")
                    .append(regclass(new TableName(table.schema(), i.name()))).append(" AND i.indrelid = graft_rel\n"
                    + "        AND (graft_attnum = ANY (i.indkey::smallint[]) OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
                    + " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indexrelid AND d.refobjid = graft_rel"
                    + " AND d.refobjsubid = graft_attnum))\n"
                    + "        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid"
                    + " AND c.contype IN ('p', 'x'))) THEN\n");
            body.append("      IF ").append(uniqueConstraint(i.name())).append(" THEN\n        ALTER TABLE ").append(t)
                    .append(" RENAME CONSTRAINT ").append(quote(i.name())).append(" TO ").append(quote(i.temporary()))
                    .append(";\n      ELSE\n        ALTER INDEX ").append(inSchema(table, i.name())).append(" RENAME TO ")
                    .append(quote(i.temporary())).append(";\n      END IF;\n    END IF;\n");
        }
        for (ColumnAttachments.Constraint c : attachments.constraints()) {
            String key = c.incoming() ? "contype = 'f' AND confrelid = graft_rel AND graft_attnum = ANY (confkey)"
                    : "contype IN ('c', 'f') AND graft_attnum = ANY (conkey)";
            body.append("    IF EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = ").append(regclass(c.table()))
                    .append(" AND conname = ").append(literal(c.name())).append(" AND ").append(key).append(") THEN\n")
                    .append("      ALTER TABLE ").append(SqlIdentifier.table(c.table())).append(" RENAME CONSTRAINT ").append(quote(c.name()))
                    .append(" TO ").append(quote(c.temporary())).append(";\n    END IF;\n");
        }
        // PostgreSQL 18 names NOT NULL constraints after the column: the old one gives the name up
        body.append("    SELECT conname INTO graft_name FROM pg_catalog.pg_constraint WHERE conrelid = graft_rel"
                + " AND contype = 'n' AND conkey = ARRAY[graft_attnum];\n");
        body.append("    IF graft_name IS NOT NULL THEN\n      EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I',"
                + " graft_rel, graft_name, ").append(literal(retired + "_not_null")).append(");\n    END IF;\n");
        body.append("    ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(col).append(" DROP DEFAULT;\n");
        body.append("    ALTER TABLE ").append(t).append(" RENAME COLUMN ").append(col).append(" TO ")
                .append(quote(retired)).append(";\n");
        body.append("    ALTER TABLE ").append(t).append(" RENAME COLUMN ").append(quote(shadow)).append(" TO ")
                .append(col).append(";\n");
        body.append("    ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(col)
                .append(newDefault.map(d -> " SET DEFAULT (" + d + ")").orElse(" DROP DEFAULT")).append(";\n");
        body.append("    IF ").append(PgCatalog.constraintExists(table, notNull)).append(" THEN\n")
                .append("      ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(col).append(" SET NOT NULL;\n")
                .append("      ALTER TABLE ").append(t).append(" DROP CONSTRAINT ").append(quote(notNull)).append(";\n")
                .append("    END IF;\n");
        body.append("    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', graft_rel, ").append(literal(column))
                .append(", graft_comment);\n");
        body.append("    CREATE OR REPLACE FUNCTION ").append(inSchema(table, trigger))
                .append("() RETURNS trigger LANGUAGE plpgsql AS ").append(Dollar.quote(follow())).append(";\n");
        body.append("  END IF;\n");
        return new Step.Block(declarations, body.toString());
    }

    /** The trigger from the swap on: {@code retired} follows the new column. */
    private String follow() {
        String fields = scope.stream().map(c -> "NEW." + quote(c) + " AS " + quote(c)).collect(Collectors.joining(", "));
        return "\nBEGIN\n  SELECT (" + down + ") INTO NEW." + quote(retired) + " FROM (SELECT " + fields
                + ") AS graft_row;\n  RETURN NEW;\nEND\n";
    }

    /**
     * An index rebuilt from the view that is not the kind of index it replaces (another access
     * method, INCLUDE columns, a predicate the view did not have) is built again from the original.
     */
    private String rebuildDifferent() {
        List<ColumnAttachments.Index> indexes = attachments.indexes();
        String schema = literal(table.schema());
        return "    FOR graft_index, graft_def IN SELECT graft_pair.name,"
                + " replace(replace(pg_catalog.pg_get_indexdef(o.indexrelid), quote_ident(graft_pair.was),"
                + " quote_ident(graft_pair.name)), " + identifierText(retired) + ", " + identifierText(column) + ")\n"
                + "      FROM unnest(ARRAY[" + indexes.stream().map(i -> literal(i.temporary())).collect(Collectors.joining(", "))
                + "], ARRAY[" + indexes.stream().map(i -> literal(i.name())).collect(Collectors.joining(", "))
                + "]) AS graft_pair (was, name)\n"
                + "      JOIN pg_catalog.pg_index o ON o.indexrelid = to_regclass(quote_ident(" + schema
                + ") || '.' || quote_ident(graft_pair.was))\n"
                + "      JOIN pg_catalog.pg_class oc ON oc.oid = o.indexrelid\n"
                + "      WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = o.indexrelid"
                + " AND c.contype IN ('p', 'u', 'x'))\n"
                + "      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index n JOIN pg_catalog.pg_class nc ON nc.oid = n.indexrelid"
                + " WHERE n.indexrelid = to_regclass(quote_ident(" + schema + ") || '.' || quote_ident(graft_pair.name))\n"
                + "        AND nc.relam = oc.relam AND n.indisunique = o.indisunique AND n.indnatts = o.indnatts"
                + " AND n.indnkeyatts = o.indnkeyatts\n"
                + "        AND (n.indpred IS NULL) = (o.indpred IS NULL) AND (n.indexprs IS NULL) = (o.indexprs IS NULL))"
                + " ORDER BY 1 LOOP\n"
                + "      EXECUTE format('DROP INDEX IF EXISTS %I.%I', " + schema + ", graft_index);\n"
                + "      graft_defs := graft_defs || graft_def;\n    END LOOP;\n";
    }

    /** A definition read on {@code retired}, written for the new column. */
    private String onNewColumn(String definition) {
        return "replace(" + definition + ", " + identifierText(retired) + ", " + identifierText(column) + ")";
    }

    private String uniqueConstraint(String name) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = " + regclass(table) + " AND conname = "
                + literal(name) + " AND contype = 'u')";
    }

    /** The name as {@code pg_get_indexdef} and {@code pg_get_constraintdef} write it. */
    private static String identifierText(String name) {
        return "quote_ident(" + literal(name) + ")";
    }

}
