package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.AddIdentity;
import dev.graft.catalog.refactoring.SequenceOptions;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code add_identity}: while the column is no identity ({@code attidentity = ''}), writes are
 * held off ({@code SHARE ROW EXCLUSIVE}, which also queues a concurrent run of the same
 * migration), the start is taken past the column's current maximum (minimum, counting down),
 * and {@code ADD GENERATED ... AS IDENTITY} runs with that start. The start is the only value
 * computed at run time; it is a number, appended to statement text quoted at generation.
 */
final class AddIdentityPlan implements RefactoringPlanner<AddIdentity> {

    @Override
    public Class<AddIdentity> type() {
        return AddIdentity.class;
    }

    @Override
    public RefactoringPlan plan(AddIdentity r, PlanContext context) {
        SequenceOptions o = r.sequence();
        String col = quote(r.column());
        String t = table(r.table());
        String past = o.descending()
                ? "least(" + o.base() + ", coalesce(min(" + col + ") - 1, " + o.base() + "))"
                : "greatest(" + o.base() + ", coalesce(max(" + col + ") + 1, " + o.base() + "))";
        String head = "ALTER TABLE " + t + " ALTER COLUMN " + col + " ADD GENERATED "
                + r.generated().sql().toUpperCase(java.util.Locale.ROOT) + " AS IDENTITY (START WITH ";
        String body = "  IF " + ColumnCatalog.noIdentity(r.table(), r.column()) + " THEN\n"
                + "    LOCK TABLE " + t + " IN SHARE ROW EXCLUSIVE MODE;\n"
                + "    SELECT " + past + " INTO graft_start FROM " + t + ";\n"
                + "    EXECUTE " + literal(head) + " || graft_start || " + literal(options(o) + ")") + ";\n"
                + "  END IF;\n";
        return RefactoringPlan.of(List.of(new Step.Block("  graft_start bigint;\n", body)));
    }

    /** What follows the start: only the options the catalog gives. */
    private static String options(SequenceOptions o) {
        StringBuilder sql = new StringBuilder();
        o.increment().ifPresent(v -> sql.append(" INCREMENT BY ").append(v));
        o.minValue().ifPresent(v -> sql.append(" MINVALUE ").append(v));
        o.maxValue().ifPresent(v -> sql.append(" MAXVALUE ").append(v));
        o.cache().ifPresent(v -> sql.append(" CACHE ").append(v));
        if (o.cycle()) {
            sql.append(" CYCLE");
        }
        return sql.toString();
    }
}
