package dev.graft.generator.postgres;

import static dev.graft.generator.plan.PgCatalog.constraintExists;
import static dev.graft.generator.plan.PgCatalog.constraintNotValidated;
import static dev.graft.generator.plan.PgCatalog.not;
import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.AddConstraint;
import dev.graft.catalog.refactoring.ConstraintKind;
import dev.graft.catalog.refactoring.ForeignKeyReference;
import dev.graft.catalog.refactoring.Orphans;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code add_constraint} on a table that has rows, without holding writers off for a scan.
 * A check or foreign key: ADD ... NOT VALID (new writes are checked at once), existing rows fixed
 * by {@code up} or the {@code orphans} policy or else counted (the migration stops naming the
 * constraint and how many rows violate it), then VALIDATE in its own statement. A unique key or
 * primary key: the same count, a unique index built CONCURRENTLY, then ADD ... USING INDEX (for
 * a primary key, its nullable columns first made NOT NULL through a validated check). An
 * exclusion constraint cannot be NOT VALID nor use an existing index: it is added as written.
 */
final class AddConstraintPlan implements RefactoringPlanner<AddConstraint> {

    @Override
    public Class<AddConstraint> type() {
        return AddConstraint.class;
    }

    @Override
    public RefactoringPlan plan(AddConstraint r, PlanContext context) {
        String name = r.constraintName();
        TableName t = r.table();
        List<Step> steps = new ArrayList<>();
        switch (r.kind()) {
            case CHECK -> {
                String check = r.check().orElseThrow().sql();
                List<Step> validated = OnlineConstraints.addValidated(t, name, "CHECK (" + check + ")");
                steps.add(validated.get(0));
                String violating = "NOT (" + check + ")";
                if (r.up().isEmpty()) {
                    steps.add(rejectViolations(t, name, "FROM " + table(t) + " WHERE " + violating,
                            constraintNotValidated(t, name), "check_violation", "give \"up\" to fix them"));
                } else {
                    steps.add(new Step.Guarded(constraintNotValidated(t, name), "UPDATE " + table(t) + " SET "
                            + r.up().entrySet().stream().map(e -> quote(e.getKey()) + " = (" + e.getValue().sql() + ")")
                            .collect(Collectors.joining(", ")) + " WHERE " + violating));
                }
                steps.add(validated.get(1));
            }
            case FOREIGN_KEY -> {
                ForeignKeyReference ref = r.references().orElseThrow();
                List<String> referenced = ref.columns().isEmpty() ? context.table(ref.table()).primaryKey() : ref.columns();
                List<Step> validated = OnlineConstraints.addValidated(t, name, ConstraintClauses.foreignKey(r, referenced));
                steps.add(validated.get(0));
                String orphan = OrphanRows.condition(r.columns(), ref.table(), referenced, r.matchFull());
                if (r.orphans() == Orphans.REJECT) {
                    steps.add(rejectViolations(t, name, "FROM " + table(t) + " AS graft_t WHERE " + orphan,
                            constraintNotValidated(t, name), "foreign_key_violation",
                            "give \"orphans: nullify\" or \"orphans: delete\", or fix them"));
                } else {
                    OrphanRows.policy(t, r.columns(), r.orphans(), orphan).ifPresent(steps::add);
                }
                steps.add(validated.get(1));
            }
            case UNIQUE, PRIMARY_KEY -> {
                boolean primary = r.kind() == ConstraintKind.PRIMARY_KEY;
                steps.add(rejectViolations(t, name, duplicates(r, primary), not(constraintExists(t, name)),
                        "unique_violation", "remove the duplicates" + (primary ? " and NULLs" : "")));
                List<String> nullable = primary ? context.table(t).columns().stream()
                        .filter(c -> c.nullable() && r.columns().contains(c.name())).map(ColumnView::name).toList()
                        : List.of();
                for (String column : nullable) {
                    String check = context.names().of(t, column + "_not_null");
                    steps.addAll(OnlineConstraints.checkNotNull(t, column, check));
                    steps.addAll(OnlineConstraints.finishNotNull(t, column, check));
                }
                steps.add(new Step.ConcurrentIndex(t, name, ConstraintClauses.uniqueIndex(r)));
                steps.add(OnlineConstraints.add(t, name, (primary ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX "
                        + quote(name) + ConstraintClauses.deferrable(r)));
            }
            case EXCLUDE -> steps.add(OnlineConstraints.add(t, name, ConstraintClauses.exclude(r)));
        }
        return RefactoringPlan.of(steps);
    }

    /** {@code FROM (...)} counting the rows in duplicate groups of the key (and, for a primary key, with NULLs). */
    private static String duplicates(AddConstraint r, boolean primary) {
        String key = list(r.columns());
        String notNull = r.columns().stream().map(c -> quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String groups = "SELECT count(*) AS graft_n FROM " + table(r.table())
                + (r.nullsNotDistinct() ? "" : " WHERE " + notNull) + " GROUP BY " + key + " HAVING count(*) > 1";
        String nulls = primary ? " UNION ALL SELECT count(*) FROM " + table(r.table()) + " WHERE NOT (" + notNull + ")"
                : "";
        return "FROM (" + groups + nulls + ") AS graft_d";
    }

    /**
     * While {@code when} holds, counts the rows {@code from} selects (for a unique key, their sum)
     * and stops the migration naming the constraint and the count.
     */
    private static Step rejectViolations(TableName t, String name, String from, String when, String errcode,
            String advice) {
        String count = from.startsWith("FROM (") ? "coalesce(sum(graft_n), 0)" : "count(*)";
        String message = "graft: % existing row(s) of table \"" + t + "\" violate constraint \"" + name + "\"; "
                + advice;
        return new Step.Block("  graft_rows bigint;\n", "  IF " + when + " THEN\n"
                + "    SELECT " + count + " INTO graft_rows " + from + ";\n"
                + "    IF graft_rows > 0 THEN\n"
                + "      RAISE EXCEPTION " + literal(message.replace("%", "%%").replaceFirst("%%", "%"))
                + ", graft_rows USING ERRCODE = " + literal(errcode) + ";\n"
                + "    END IF;\n"
                + "  END IF;\n");
    }
}
