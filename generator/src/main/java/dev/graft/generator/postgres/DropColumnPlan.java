package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code drop_column}: the expand drops NOT NULL so new writers may leave the column out (the
 * data stays); the contract drops the column. With {@code down} the deprecation period keeps the
 * column filled for the old application: the default is dropped (a default would hide that the
 * writer left the column out) and a BEFORE trigger gives the column the value of {@code down} over
 * the new row on every INSERT that leaves it NULL and every UPDATE that leaves it unchanged, as
 * pgroll does for writes of the new version: what the old application reads follows every write of
 * the new one, and a value the old application writes itself stays until the row is next written
 * without it.
 */
final class DropColumnPlan implements RefactoringPlanner<DropColumn> {

    @Override
    public Class<DropColumn> type() {
        return DropColumn.class;
    }

    @Override
    public RefactoringPlan plan(DropColumn r, PlanContext context) {
        String column = quote(r.column());
        String alter = "ALTER TABLE " + table(r.table()) + " ALTER COLUMN " + column;
        List<Step> expand = new ArrayList<>();
        expand.add(new Step.Guarded(PgCatalog.columnExists(r.table(), r.column()), alter + " DROP NOT NULL"));
        List<Step> contract = List.of(new Step.Statement("ALTER TABLE " + table(r.table()) + " DROP COLUMN IF EXISTS "
                + column));
        if (r.down().isEmpty()) {
            return RefactoringPlan.transition(expand, contract);
        }
        String name = triggerName(r, context);
        expand.add(new Step.Guarded(PgCatalog.columnExists(r.table(), r.column()), alter + " DROP DEFAULT"));
        expand.add(TransitionTrigger.install(r.table(), name, body(r, context), context.names().comment()));
        return new RefactoringPlan(expand, TransitionTrigger.drop(r.table(), name), contract);
    }

    /** {@code graft_<v>_<table>_<column>_down}. */
    static String triggerName(DropColumn r, PlanContext context) {
        return context.names().of(r.table(), r.column() + "_down");
    }

    private static String body(DropColumn r, PlanContext context) {
        String column = quote(r.column());
        List<String> rest = context.table(r.table()).columnNames().stream().filter(n -> !n.equals(r.column())).toList();
        String fill = "    SELECT (" + r.down().orElseThrow().sql() + ") INTO NEW." + column + " FROM (SELECT "
                + scope("NEW", rest) + ") AS graft_row;\n";
        return "\nBEGIN\n"
                + "  IF TG_OP = 'INSERT' AND NEW." + column + " IS NULL\n"
                + "      OR TG_OP = 'UPDATE' AND NEW." + column + " IS NOT DISTINCT FROM OLD." + column + " THEN\n"
                + fill
                + "  END IF;\n"
                + "  RETURN NEW;\nEND\n";
    }

    private static String scope(String record, List<String> columns) {
        return columns.stream().map(n -> record + "." + quote(n) + " AS " + quote(n)).collect(Collectors.joining(", "));
    }
}
