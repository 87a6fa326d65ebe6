package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.CreateType;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code create_type}: {@code CREATE TYPE ... AS ENUM (...)} or {@code AS (...)}, run only while
 * {@code pg_type} has no type of that name (PostgreSQL has no {@code CREATE TYPE IF NOT EXISTS}).
 */
final class CreateTypePlan implements RefactoringPlanner<CreateType> {

    @Override
    public Class<CreateType> type() {
        return CreateType.class;
    }

    @Override
    public RefactoringPlan plan(CreateType r, PlanContext context) {
        String body = r.isEnum()
                ? "ENUM (" + r.labels().stream().map(l -> literal(l)).collect(Collectors.joining(", ")) + ")"
                : "(" + r.attributes().stream().map(a -> quote(a.name()) + " " + a.type())
                        .collect(Collectors.joining(", ")) + ")";
        return RefactoringPlan.of(List.of(new Step.Guarded(PgCatalog.not(TypeCatalog.typeExists(r.name())),
                "CREATE TYPE " + table(r.name()) + " AS " + body)));
    }
}
