package dev.graft.generator.postgres;

import static dev.graft.generator.plan.PgCatalog.and;
import static dev.graft.generator.plan.PgCatalog.columnNullable;
import static dev.graft.generator.plan.PgCatalog.constraintExists;
import static dev.graft.generator.plan.PgCatalog.not;
import static dev.graft.generator.plan.PgCatalog.tableExists;
import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.AddConstraint;
import dev.graft.catalog.refactoring.ConstraintKind;
import dev.graft.catalog.refactoring.RenameConstraint;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * How abort undoes the constraint refactorings it can: an added constraint that changed no rows is
 * dropped (with the index of a key, even one not yet attached, and NOT NULL taken back from a
 * primary key's columns that allowed NULL), a renamed one gets its old name back.
 */
final class ConstraintAbort {

    private ConstraintAbort() { }

    /** Planned in the context the expand was planned in: the table as it was before. */
    static List<Step> undo(AddConstraint c, PlanContext context) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Guarded(tableExists(c.table()), "ALTER TABLE " + table(c.table())
                + " DROP CONSTRAINT IF EXISTS " + quote(c.constraintName())));
        if (c.kind() == ConstraintKind.UNIQUE || c.kind() == ConstraintKind.PRIMARY_KEY) {
            steps.add(new Step.Statement("DROP INDEX IF EXISTS " + inSchema(c.table(), c.constraintName())));
        }
        if (c.kind() == ConstraintKind.PRIMARY_KEY) {
            for (ColumnView column : context.table(c.table()).columns()) {
                if (column.nullable() && c.columns().contains(column.name())) {
                    steps.add(new Step.Guarded(and(tableExists(c.table()), not(columnNullable(c.table(), column.name()))),
                            "ALTER TABLE " + table(c.table()) + " ALTER COLUMN " + quote(column.name())
                                    + " DROP NOT NULL"));
                }
            }
        }
        return steps;
    }

    static Step undo(RenameConstraint r) {
        return new Step.Guarded(and(constraintExists(r.table(), r.to()), not(constraintExists(r.table(), r.from()))),
                "ALTER TABLE " + table(r.table()) + " RENAME CONSTRAINT " + quote(r.to()) + " TO " + quote(r.from()));
    }
}
