package dev.graft.generator.postgres;

import static dev.graft.generator.plan.PgCatalog.and;
import static dev.graft.generator.plan.PgCatalog.columnNullable;
import static dev.graft.generator.plan.PgCatalog.not;
import static dev.graft.generator.plan.PgCatalog.tableExists;
import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.regclass;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.Version;
import dev.graft.catalog.refactoring.AddColumn;
import dev.graft.catalog.refactoring.AddConstraint;
import dev.graft.catalog.refactoring.AddForeignKey;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.CreateIndex;
import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.catalog.refactoring.DropTable;
import dev.graft.catalog.refactoring.EncapsulateTableWithView;
import dev.graft.catalog.refactoring.IntroduceCalculatedColumn;
import dev.graft.catalog.refactoring.IntroduceHistoryTable;
import dev.graft.catalog.refactoring.IntroduceSoftDelete;
import dev.graft.catalog.refactoring.MergeColumns;
import dev.graft.catalog.refactoring.Orphans;
import dev.graft.catalog.refactoring.MergeTables;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RenameColumn;
import dev.graft.catalog.refactoring.RenameConstraint;
import dev.graft.catalog.refactoring.RenameTable;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.catalog.refactoring.SplitTable;
import dev.graft.catalog.refactoring.Sql;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an expanded, not completed migration is undone (pgroll's rollback): per refactoring, its
 * transition triggers and helper functions dropped and the old shape's defaults given back (the
 * release half of its contract), then the new shape dropped and what the expand changed on the
 * old shape restored; then every object still carrying the migration's comment, whatever its
 * name; then the migration's rows of the Flyway history, so that it can be applied again. Each
 * step is guarded by the catalog, so the script can run any number of times.
 */
public final class AbortSteps {

    /** The history table Flyway writes by default, in the first schema of the search path. */
    public static final String FLYWAY_HISTORY = "flyway_schema_history";

    private AbortSteps() { }

    /**
     * Whether abort knows how to undo {@code refactoring}: the transitions, and the online additions a
     * transition migration may hold next to them (an index, a foreign key, a plain new column).
     */
    public static boolean undoes(Refactoring refactoring) {
        return refactoring.isTransition() && !(refactoring instanceof Sql) || refactoring instanceof CreateIndex
                || refactoring instanceof AddColumn || refactoring instanceof AddForeignKey
                || refactoring instanceof AddConstraint c && c.up().isEmpty() && c.orphans() == Orphans.REJECT
                || refactoring instanceof RenameConstraint || refactoring instanceof EncapsulateTableWithView
                || refactoring instanceof IntroduceSoftDelete || refactoring instanceof IntroduceHistoryTable
                || refactoring instanceof IntroduceCalculatedColumn;
    }

    /**
     * The steps that undo one refactoring, planned in the context its expand was planned in.
     *
     * @throws IllegalArgumentException for a refactoring abort cannot undo (see {@link #undoes})
     */
    public static List<Step> undo(Refactoring r, PlanContext context) {
        if (!undoes(r)) {
            throw new IllegalArgumentException(r.yamlKey() + " cannot be aborted: abort undoes transitions, indexes,"
                    + " foreign keys, constraints that changed no rows, renamed constraints and new columns only");
        }
        List<Step> steps = new ArrayList<>(PostgresPlanners.plan(r, context).release());
        if (r instanceof SplitColumn s) {
            s.intoNames().forEach(c -> steps.add(dropColumn(s.table(), c)));
        } else if (r instanceof MergeColumns m) {
            steps.add(dropColumn(m.table(), m.into().name()));
        } else if (r instanceof RenameColumn rc) {
            steps.add(dropColumn(rc.table(), rc.to()));
        } else if (r instanceof ChangeColumnType c) {
            steps.add(dropColumn(c.table(), context.names().of(c.table(), c.column())));
        } else if (r instanceof AddColumn a) {
            steps.add(dropColumn(a.table(), a.column().name()));
        } else if (r instanceof RenameTable rt) {
            steps.addAll(renameBack(rt));
        } else if (r instanceof DropColumn d) {
            notNullAgain(d, context).ifPresent(steps::add);
            defaultAgain(d, context).ifPresent(steps::add);
        } else if (r instanceof CreateIndex i) {
            steps.add(new Step.Statement("DROP INDEX IF EXISTS " + inSchema(i.table(), i.indexName())));
        } else if (r instanceof AddForeignKey k) {
            steps.add(new Step.Guarded(tableExists(k.table()), "ALTER TABLE " + table(k.table())
                    + " DROP CONSTRAINT IF EXISTS " + quote(k.constraintName())));
        } else if (r instanceof AddConstraint c) {
            steps.addAll(ConstraintAbort.undo(c, context));
        } else if (r instanceof RenameConstraint rc) {
            steps.add(ConstraintAbort.undo(rc));
        } else if (r instanceof SplitTable st) {
            steps.add(new Step.Statement("DROP TABLE IF EXISTS " + table(st.into())));
        } else if (r instanceof MergeTables mt) {
            MergeTablesPlan.names(mt, context).forEach(c -> steps.add(dropColumn(mt.table(), c)));
        } else if (r instanceof EncapsulateTableWithView e) {
            steps.add(new Step.Statement("DROP VIEW IF EXISTS " + table(e.view())));
        } else if (r instanceof IntroduceSoftDelete d) {
            steps.add(new Step.Statement("DROP VIEW IF EXISTS " + table(d.view())));
            steps.add(new Step.Statement("DROP FUNCTION IF EXISTS " + inSchema(d.view(), d.view().name() + "_soft_delete")
                    + "()"));
            steps.add(dropColumn(d.table(), d.column()));
        } else if (r instanceof IntroduceHistoryTable h) {
            steps.addAll(IntroduceHistoryTablePlan.drop(h));
        } else if (r instanceof IntroduceCalculatedColumn k) {
            String name = k.table().name() + "_" + k.column() + "_calc";
            steps.addAll(TransitionTrigger.drop(k.table(), name));
            steps.add(dropColumn(k.table(), k.column()));
        } else if (!(r instanceof DropTable)) {
            throw new IllegalStateException("no abort for " + r.yamlKey());
        }
        return steps;
    }

    /**
     * Every trigger, column, view, table and function that still carries the comment of
     * {@code comment}'s migration ({@code graft: generated from V2__x.yaml; ...}), in that order,
     * whatever its name: what other parts of Graft created for the migration is removed too.
     */
    public static Step sweep(String comment) {
        String prefix = literal(comment.substring(0, comment.indexOf(';') + 1));
        String mine = "starts_with(d.description, " + prefix + ")";
        String user = " AND n.nspname NOT IN ('pg_catalog', 'information_schema')";
        String body = "  FOR graft_sql IN\n"
                + "    SELECT format('DROP TRIGGER IF EXISTS %I ON %s', t.tgname, t.tgrelid::regclass) FROM pg_catalog.pg_trigger t"
                + " JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_trigger'::regclass"
                + " WHERE " + mine + "\n"
                + "    UNION ALL SELECT format('ALTER TABLE %s DROP COLUMN IF EXISTS %I', a.attrelid::regclass, a.attname)"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid"
                + " AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + mine + "\n"
                + "  LOOP\n    EXECUTE graft_sql;\n  END LOOP;\n"
                + "  FOR graft_sql IN\n"
                + "    SELECT format(CASE c.relkind WHEN 'v' THEN 'DROP VIEW IF EXISTS %s' ELSE 'DROP TABLE IF EXISTS %s' END,"
                + " c.oid::regclass) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass"
                + " AND d.objsubid = 0 WHERE c.relkind IN ('r', 'p', 'v') AND " + mine + user + "\n"
                + "    UNION ALL SELECT format('DROP FUNCTION IF EXISTS %s', p.oid::regprocedure) FROM pg_catalog.pg_proc p"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_description d"
                + " ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::regclass WHERE " + mine + user + "\n"
                + "  LOOP\n    EXECUTE graft_sql;\n  END LOOP;\n";
        return new Step.Block("  graft_sql text;\n", body);
    }

    /**
     * Deletes the version's rows of Flyway's history table (its failed runs too), last, so that an
     * abort stopped half-way still shows the version applied and is run again.
     */
    public static Step forget(String historyTable, Version version) {
        return new Step.Guarded("to_regclass(" + literal(quote(historyTable)) + ") IS NOT NULL",
                "DELETE FROM " + quote(historyTable) + " WHERE version = " + literal(version.toString()));
    }

    private static Step dropColumn(TableName t, String column) {
        return new Step.Guarded(tableExists(t), "ALTER TABLE " + table(t) + " DROP COLUMN IF EXISTS " + quote(column));
    }

    /** The view under the old name dropped, the table renamed back. */
    private static List<Step> renameBack(RenameTable r) {
        String view = "EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = " + regclass(r.from()) + " AND relkind = 'v')";
        return List.of(new Step.Guarded(view, "DROP VIEW " + table(r.from())),
                new Step.Guarded(and(tableExists(r.to()), not(tableExists(r.from()))),
                        "ALTER TABLE " + table(r.to()) + " RENAME TO " + quote(r.from().name())));
    }

    /**
     * NOT NULL given back to a dropped column that had it; rows new writers left without a value
     * stop the abort with a message instead of PostgreSQL's bare error.
     */
    private static Optional<Step> notNullAgain(DropColumn d, PlanContext context) {
        boolean required = context.table(d.table()).column(d.column()).map(c -> !c.nullable()).orElse(false);
        if (!required) {
            return Optional.empty();
        }
        String message = "graft: cannot abort " + context.migration().fileName() + ": rows of " + d.table()
                + " written during the transition have no " + d.column() + ", which was NOT NULL before it;"
                + " give them a value, then abort again";
        return Optional.of(new Step.Block("", "  IF " + columnNullable(d.table(), d.column()) + " THEN\n"
                + "    IF EXISTS (SELECT 1 FROM " + table(d.table()) + " WHERE " + quote(d.column()) + " IS NULL) THEN\n"
                + "      RAISE EXCEPTION " + literal(message.replace("%", "%%")) + " USING ERRCODE = 'not_null_violation';\n"
                + "    END IF;\n"
                + "    ALTER TABLE " + table(d.table()) + " ALTER COLUMN " + quote(d.column()) + " SET NOT NULL;\n"
                + "  END IF;\n"));
    }

    /** The default a drop with {@code down} took away for its deprecation period, given back. */
    private static Optional<Step> defaultAgain(DropColumn d, PlanContext context) {
        return d.down().flatMap(down -> context.table(d.table()).column(d.column()).flatMap(c -> c.defaultValue()))
                .map(value -> new Step.Guarded(PgCatalog.columnExists(d.table(), d.column()), "ALTER TABLE "
                        + table(d.table()) + " ALTER COLUMN " + quote(d.column()) + " SET DEFAULT (" + value + ")"));
    }
}
