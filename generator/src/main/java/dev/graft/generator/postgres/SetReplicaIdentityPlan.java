package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.SetReplicaIdentity;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code set_replica_identity}: {@code REPLICA IDENTITY DEFAULT | FULL | NOTHING | USING INDEX},
 * run only while {@code pg_class.relreplident} (and, for an index, {@code pg_index.indisreplident})
 * says otherwise.
 */
final class SetReplicaIdentityPlan implements RefactoringPlanner<SetReplicaIdentity> {

    @Override
    public Class<SetReplicaIdentity> type() {
        return SetReplicaIdentity.class;
    }

    @Override
    public RefactoringPlan plan(SetReplicaIdentity r, PlanContext context) {
        String alter = "ALTER TABLE " + table(r.table()) + " REPLICA IDENTITY ";
        Step step = r.identity() == SetReplicaIdentity.Identity.INDEX
                ? new Step.Guarded(ColumnCatalog.replicaIndexIsNot(r.table(), r.index().orElseThrow()),
                        alter + "USING INDEX " + quote(r.index().orElseThrow()))
                : new Step.Guarded(ColumnCatalog.replicaIdentityIsNot(r.table(), r.identity().code()),
                        alter + r.identity().name());
        return RefactoringPlan.of(List.of(step));
    }
}
