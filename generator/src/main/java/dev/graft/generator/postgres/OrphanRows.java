package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.Orphans;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rows of a table (aliased {@code graft_t}) whose foreign key references nothing, and the
 * {@code orphans} policy applied to them before the key is validated: shared by
 * {@code add_foreign_key} and {@code add_constraint}.
 */
final class OrphanRows {

    private OrphanRows() { }

    /**
     * The condition on {@code graft_t} that selects orphans: under MATCH SIMPLE a row with any NULL
     * key column references nothing and is fine; under MATCH FULL only an all-NULL key is.
     */
    static String condition(List<String> columns, TableName referenced, List<String> referencedColumns,
            boolean matchFull) {
        StringBuilder orphan = new StringBuilder();
        if (matchFull) {
            orphan.append("NOT (").append(columns.stream().map(c -> "graft_t." + quote(c) + " IS NULL")
                    .collect(Collectors.joining(" AND "))).append(") AND ");
        } else {
            for (String c : columns) {
                orphan.append("graft_t.").append(quote(c)).append(" IS NOT NULL AND ");
            }
        }
        orphan.append("NOT EXISTS (SELECT 1 FROM ").append(table(referenced)).append(" AS graft_r WHERE ");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.add("graft_r." + quote(referencedColumns.get(i)) + " = graft_t." + quote(columns.get(i)));
        }
        return orphan.append(String.join(" AND ", pairs)).append(')').toString();
    }

    /** The step that deletes or nullifies orphans; empty under {@code reject}. */
    static Optional<Step> policy(TableName t, List<String> columns, Orphans orphans, String condition) {
        if (orphans == Orphans.REJECT) {
            return Optional.empty();
        }
        return Optional.of(new Step.Statement(orphans == Orphans.DELETE
                ? "DELETE FROM " + table(t) + " AS graft_t WHERE " + condition
                : "UPDATE " + table(t) + " AS graft_t SET "
                        + columns.stream().map(c -> quote(c) + " = NULL").collect(Collectors.joining(", "))
                        + " WHERE " + condition));
    }
}
