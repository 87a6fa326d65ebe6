package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.refactoring.ColumnDefinition;
import dev.graft.catalog.refactoring.CreateTable;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code create_table}: {@code CREATE TABLE IF NOT EXISTS} with every constraint named (column
 * constraints, then table constraints), then comments.
 */
final class CreateTablePlan implements RefactoringPlanner<CreateTable> {

    @Override
    public Class<CreateTable> type() {
        return CreateTable.class;
    }

    @Override
    public RefactoringPlan plan(CreateTable r, PlanContext context) {
        List<String> lines = new ArrayList<>();
        for (ColumnDefinition c : r.columns()) {
            lines.add(ColumnClauses.column(c, true, true));
        }
        r.primaryKey().ifPresent(pk -> lines.add("CONSTRAINT "
                + quote(pk.name().orElse(ConstraintNames.primaryKey(r.table().name())))
                + " PRIMARY KEY (" + list(pk.columns()) + ")"));
        for (ColumnDefinition c : r.columns()) {
            if (c.unique()) {
                lines.add("CONSTRAINT " + quote(ColumnClauses.uniqueName(r.table(), c)) + " " + ColumnClauses.unique(c));
            }
            if (c.check().isPresent()) {
                lines.add("CONSTRAINT " + quote(ColumnClauses.checkName(r.table(), c)) + " " + ColumnClauses.check(c));
            }
            c.references().ifPresent(ref -> lines.add("CONSTRAINT " + quote(ColumnClauses.foreignKeyName(r.table(), c))
                    + " " + ColumnClauses.foreignKey(List.of(c.name()), ref)));
        }
        r.constraints().forEach(k -> lines.add(TableConstraintClauses.clause(r.table().name(), k)));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Statement("CREATE TABLE IF NOT EXISTS " + table(r.table()) + " (\n  "
                + String.join(",\n  ", lines) + "\n)"));
        for (ColumnDefinition c : r.columns()) {
            c.comment().ifPresent(text -> steps.add(new Step.Statement("COMMENT ON COLUMN " + table(r.table()) + "."
                    + quote(c.name()) + " IS " + literal(text))));
        }
        return RefactoringPlan.of(steps);
    }
}
