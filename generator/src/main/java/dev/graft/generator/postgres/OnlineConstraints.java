package dev.graft.generator.postgres;

import static dev.graft.generator.plan.PgCatalog.and;
import static dev.graft.generator.plan.PgCatalog.columnNullable;
import static dev.graft.generator.plan.PgCatalog.constraintExists;
import static dev.graft.generator.plan.PgCatalog.constraintNotValidated;
import static dev.graft.generator.plan.PgCatalog.not;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.ColumnDefinition;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Constraints added to a table that has rows, without blocking writers for a full scan:
 * {@code NOT VALID} then {@code VALIDATE}; NOT NULL through a validated CHECK first.
 */
final class OnlineConstraints {

    private OnlineConstraints() { }

    /** ADD CONSTRAINT ... NOT VALID (if absent), then VALIDATE (if not yet validated). */
    static List<Step> addValidated(TableName t, String name, String definition) {
        return List.of(
                new Step.Guarded(not(constraintExists(t, name)),
                        "ALTER TABLE " + table(t) + " ADD CONSTRAINT " + quote(name) + " " + definition + " NOT VALID"),
                new Step.Guarded(constraintNotValidated(t, name),
                        "ALTER TABLE " + table(t) + " VALIDATE CONSTRAINT " + quote(name)));
    }

    /** ADD CONSTRAINT (if absent), for kinds that cannot be NOT VALID (unique). */
    static Step add(TableName t, String name, String definition) {
        return new Step.Guarded(not(constraintExists(t, name)),
                "ALTER TABLE " + table(t) + " ADD CONSTRAINT " + quote(name) + " " + definition);
    }

    /**
     * The first half of NOT NULL: a CHECK (column IS NOT NULL) NOT VALID, validated. While the
     * column is nullable only; {@link #finishNotNull} turns it into NOT NULL without a scan.
     */
    static List<Step> checkNotNull(TableName t, String column, String checkName) {
        return List.of(
                new Step.Guarded(and(columnNullable(t, column), not(constraintExists(t, checkName))),
                        "ALTER TABLE " + table(t) + " ADD CONSTRAINT " + quote(checkName) + " CHECK ("
                                + quote(column) + " IS NOT NULL) NOT VALID"),
                new Step.Guarded(constraintNotValidated(t, checkName),
                        "ALTER TABLE " + table(t) + " VALIDATE CONSTRAINT " + quote(checkName)));
    }

    /** SET NOT NULL (PostgreSQL uses the validated check instead of scanning), then drop the check. */
    static List<Step> finishNotNull(TableName t, String column, String checkName) {
        return List.of(
                new Step.Guarded(and(constraintExists(t, checkName), columnNullable(t, column)),
                        "ALTER TABLE " + table(t) + " ALTER COLUMN " + quote(column) + " SET NOT NULL"),
                new Step.Statement("ALTER TABLE " + table(t) + " DROP CONSTRAINT IF EXISTS " + quote(checkName)));
    }

    /**
     * The unique, check and foreign key a new column of an existing table declares, plus its
     * comment; NOT NULL and the default are its planner's business.
     */
    static List<Step> declaredBy(TableName t, ColumnDefinition c) {
        return declared(t, c, false);
    }

    /**
     * As {@link #declaredBy}, but the unique key's index is built {@code CONCURRENTLY} first and the
     * constraint takes it over ({@code USING INDEX}), so writers are not stopped while it is built:
     * for a column backfilled on a table in use.
     */
    static List<Step> declaredConcurrently(TableName t, ColumnDefinition c) {
        return declared(t, c, true);
    }

    private static List<Step> declared(TableName t, ColumnDefinition c, boolean concurrently) {
        List<Step> steps = new ArrayList<>();
        if (c.unique() && concurrently) {
            String name = ColumnClauses.uniqueName(t, c);
            steps.add(new Step.ConcurrentIndex(t, name, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + quote(name)
                    + " ON " + table(t) + " (" + quote(c.name()) + ")" + (c.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")));
            steps.add(new Step.Guarded(not(constraintExists(t, name)), "ALTER TABLE " + table(t) + " ADD CONSTRAINT "
                    + quote(name) + " UNIQUE USING INDEX " + quote(name)));
        } else if (c.unique()) {
            steps.add(add(t, ColumnClauses.uniqueName(t, c), ColumnClauses.unique(c)));
        }
        if (c.check().isPresent()) {
            steps.addAll(addValidated(t, ColumnClauses.checkName(t, c), ColumnClauses.check(c)));
        }
        c.references().ifPresent(r -> steps.addAll(addValidated(t, ColumnClauses.foreignKeyName(t, c),
                ColumnClauses.foreignKey(List.of(c.name()), r))));
        c.comment().ifPresent(text -> steps.add(new Step.Statement("COMMENT ON COLUMN " + table(t) + "."
                + quote(c.name()) + " IS " + literal(text))));
        return steps;
    }
}
