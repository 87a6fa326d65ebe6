package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.KeyView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.Expression;
import dev.graft.catalog.refactoring.InsertData;
import dev.graft.catalog.refactoring.Row;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code insert_data}: an upsert per row by its key: {@code INSERT ... ON CONFLICT (key) DO
 * UPDATE ... WHERE values differ} when the key is the primary key or a unique key; otherwise an
 * UPDATE where values differ and an INSERT where the key is missing. Values are stored as written,
 * in identity columns too ({@code OVERRIDING SYSTEM VALUE}); a {@code GENERATED ALWAYS} identity
 * is set on insert only, as PostgreSQL cannot update it. A sequence behind a written integer column
 * (serial or identity) is then moved past the largest value, so the application's next insert
 * does not collide with a row written here.
 */
final class InsertDataPlan implements RefactoringPlanner<InsertData> {

    @Override
    public Class<InsertData> type() {
        return InsertData.class;
    }

    @Override
    public RefactoringPlan plan(InsertData r, PlanContext context) {
        TableView t = context.table(r.table());
        List<String> key = r.key().isEmpty() ? t.primaryKey() : r.key();
        boolean constrained = new HashSet<>(key).equals(new HashSet<>(t.primaryKey()))
                || t.uniqueKeys().stream().map(KeyView::columns).anyMatch(k -> new HashSet<>(k).equals(new HashSet<>(key)));
        List<Step> steps = new ArrayList<>();
        Set<String> sequenced = new LinkedHashSet<>();
        for (Row row : r.rows()) {
            List<String> columns = List.copyOf(row.values().keySet());
            List<String> others = columns.stream().filter(c -> !key.contains(c) && !alwaysIdentity(t, c)).toList();
            String overriding = columns.stream().anyMatch(c -> integer(t, c)) ? " OVERRIDING SYSTEM VALUE" : "";
            columns.stream().filter(c -> integer(t, c)).forEach(sequenced::add);
            if (constrained) {
                steps.add(new Step.Statement(upsert(r, row, key, others, overriding)));
            } else {
                if (!others.isEmpty()) {
                    steps.add(new Step.Statement("UPDATE " + table(r.table()) + " SET "
                            + others.stream().map(c -> quote(c) + " = " + typed(t, c, row.values().get(c)))
                            .collect(Collectors.joining(", "))
                            + " WHERE " + keyMatches(t, key, row, "") + " AND " + differ(t, others, row)));
                }
                steps.add(new Step.Statement("INSERT INTO " + table(r.table()) + " (" + list(columns) + ")" + overriding
                        + " SELECT " + columns.stream().map(c -> typed(t, c, row.values().get(c)))
                        .collect(Collectors.joining(", "))
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + table(r.table()) + " AS graft_t WHERE "
                        + keyMatches(t, key, row, "graft_t.") + ")"));
            }
        }
        sequenced.forEach(column -> steps.add(advanceSequence(r.table(), column)));
        return RefactoringPlan.of(steps);
    }

    /**
     * Moves the sequence that fills {@code column}, if it has one, past the largest value stored.
     * Only ever forward, so a second run changes nothing.
     */
    private static Step advanceSequence(TableName table, String column) {
        return new Step.Block("  graft_sequence regclass := pg_catalog.pg_get_serial_sequence("
                + literal(table(table)) + ", " + literal(column) + ");\n",
                "  IF graft_sequence IS NOT NULL THEN\n"
                + "    PERFORM pg_catalog.setval(graft_sequence, graft_max.value)\n"
                + "      FROM (SELECT max(" + quote(column) + ") AS value FROM " + table(table) + ") AS graft_max,"
                + " pg_catalog.pg_sequence AS graft_s\n"
                + "      WHERE graft_s.seqrelid = graft_sequence AND graft_s.seqincrement > 0\n"
                + "      AND graft_max.value > coalesce(pg_catalog.pg_sequence_last_value(graft_sequence),"
                + " graft_s.seqstart - 1);\n"
                + "  END IF;\n");
    }

    private static boolean integer(TableView t, String column) {
        return t.column(column).map(c -> ColumnTypes.integer(c.type())).orElse(false);
    }

    private static boolean alwaysIdentity(TableView t, String column) {
        return t.column(column).map(c -> ColumnTypes.alwaysIdentity(c.type())).orElse(false);
    }

    private static String upsert(InsertData r, Row row, List<String> key, List<String> others, String overriding) {
        Map<String, Expression> values = row.values();
        String insert = "INSERT INTO " + table(r.table()) + " AS graft_t (" + list(List.copyOf(values.keySet()))
                + ")" + overriding + " VALUES (" + values.values().stream().map(Expression::sql).collect(Collectors.joining(", "))
                + ") ON CONFLICT (" + list(key) + ") DO ";
        if (others.isEmpty()) {
            return insert + "NOTHING";
        }
        return insert + "UPDATE SET " + others.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", "))
                + " WHERE ROW(" + others.stream().map(c -> "graft_t." + quote(c)).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM ROW(" + others.stream().map(c -> "EXCLUDED." + quote(c))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String keyMatches(TableView t, List<String> key, Row row, String prefix) {
        return key.stream().map(k -> prefix + quote(k) + " = " + typed(t, k, row.values().get(k)))
                .collect(Collectors.joining(" AND "));
    }

    private static String differ(TableView t, List<String> columns, Row row) {
        return "ROW(" + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", ")) + ") IS DISTINCT FROM ROW("
                + columns.stream().map(c -> typed(t, c, row.values().get(c))).collect(Collectors.joining(", ")) + ")";
    }

    /** The value cast to the column's type, so literals outside VALUES resolve as they would in it. */
    private static String typed(TableView t, String column, Expression value) {
        return t.column(column).map(c -> "CAST((" + value.sql() + ") AS " + ColumnTypes.storage(c.type()) + ")")
                .orElse("(" + value.sql() + ")");
    }
}
