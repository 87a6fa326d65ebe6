package dev.graft.generator.postgres;

import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import java.util.List;
import java.util.Optional;

/**
 * The registry: one planner per refactoring type. A new type is one more planner file and one
 * line here; a test fails if a permitted subtype of {@link Refactoring} has no planner.
 */
public final class PostgresPlanners {

    private static final List<RefactoringPlanner<?>> ALL = List.of(
            new CreateTablePlan(), new AddColumnPlan(), new RenameColumnPlan(), new RenameTablePlan(),
            new DropColumnPlan(), new DropTablePlan(), new ChangeColumnTypePlan(), new MakeColumnNotNullPlan(),
            new AddForeignKeyPlan(), new CreateIndexPlan(), new SplitColumnPlan(), new MergeColumnsPlan(),
            new InsertDataPlan(), new UpdateDataPlan(), new SqlPlan(), new CompletePlan(),
            new SetDefaultPlan(), new DropDefaultPlan(), new DropNotNullPlan(), new SetCommentPlan(), new AddIdentityPlan(), new DropIdentityPlan(),
            new SetReplicaIdentityPlan(),
            new AddConstraintPlan(), new DropConstraintPlan(), new RenameConstraintPlan(), new DropIndexPlan(),
            new CreateTypePlan(), new AddEnumValuePlan(), new RenameEnumValuePlan(),
            new SplitTablePlan(), new MergeTablesPlan(),
            new EncapsulateTableWithViewPlan(), new IntroduceSoftDeletePlan(),
            new IntroduceHistoryTablePlan(), new IntroduceCalculatedColumnPlan(),
            new AddLookupTablePlan(), new IntroduceSurrogateKeyPlan());

    private PostgresPlanners() { }

    /** Every planner, in the order of the catalog format's table. */
    public static List<RefactoringPlanner<?>> all() {
        return ALL;
    }

    /** The planner of a refactoring type, if registered. */
    public static Optional<RefactoringPlanner<?>> of(Class<? extends Refactoring> type) {
        return ALL.stream().filter(p -> p.type().equals(type)).findFirst();
    }

    /** Plans one refactoring. */
    public static RefactoringPlan plan(Refactoring refactoring, PlanContext context) {
        RefactoringPlanner<?> planner = of(refactoring.getClass()).orElseThrow(() -> new IllegalStateException(
                "no planner for " + refactoring.getClass().getSimpleName()));
        return planWith(planner, refactoring, context);
    }

    private static <R extends Refactoring> RefactoringPlan planWith(RefactoringPlanner<R> planner,
            Refactoring refactoring, PlanContext context) {
        return planner.plan(planner.type().cast(refactoring), context);
    }
}
