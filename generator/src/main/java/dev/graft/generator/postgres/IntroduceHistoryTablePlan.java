package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.IntroduceHistoryTable;
import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code introduce_history_table}: {@code CREATE TABLE IF NOT EXISTS} of the history (the table's
 * columns, nullable and without constraints, so that a history row never refuses what the table
 * took; {@code changed_at} and {@code txid} default to the writing transaction's time and id), then
 * the recording function and its {@code AFTER INSERT OR UPDATE OR DELETE} row trigger, created
 * together while the trigger does not exist, so a re-run takes no lock on the table. They are named
 * {@code <history>_record} and stay: there is no contract.
 */
final class IntroduceHistoryTablePlan implements RefactoringPlanner<IntroduceHistoryTable> {

    @Override
    public Class<IntroduceHistoryTable> type() {
        return IntroduceHistoryTable.class;
    }

    @Override
    public RefactoringPlan plan(IntroduceHistoryTable r, PlanContext context) {
        List<String> columns = context.table(r.table()).columnNames();
        List<ColumnView> history = IntroduceHistoryTable.columns(context.table(r.table()));
        String definition = history.stream().map(c -> quote(c.name()) + " " + c.type() + (c.nullable() ? "" : " NOT NULL")
                + (c.name().equals("changed_at") ? " DEFAULT pg_catalog.statement_timestamp()"
                        : c.name().equals("txid") ? " DEFAULT pg_catalog.txid_current()" : ""))
                .collect(Collectors.joining(", "));
        String into = "INSERT INTO " + table(r.history()) + " (" + columns.stream().map(c -> quote(c))
                .collect(Collectors.joining(", ")) + ", \"operation\") VALUES (";
        String body = "\nBEGIN\n  IF TG_OP = 'DELETE' THEN\n    " + into + values("OLD", columns) + ", TG_OP);\n"
                + "  ELSE\n    " + into + values("NEW", columns) + ", TG_OP);\n  END IF;\n  RETURN NULL;\nEND\n";
        String name = name(r);
        String function = inSchema(r.table(), name);
        String on = " ON " + table(r.table());
        String comment = literal(context.names().keptComment());
        return RefactoringPlan.of(List.of(
                new Step.Statement("CREATE TABLE IF NOT EXISTS " + table(r.history()) + " (" + definition + ")"),
                new Step.Statement("COMMENT ON TABLE " + table(r.history()) + " IS " + comment),
                new Step.Block("", "  IF " + PgCatalog.not(PgCatalog.triggerExists(r.table(), name)) + " THEN\n"
                        + "    CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                        + Dollar.quote(body) + ";\n"
                        + "    CREATE OR REPLACE TRIGGER " + quote(name) + " AFTER INSERT OR UPDATE OR DELETE" + on
                        + " FOR EACH ROW EXECUTE FUNCTION " + function + "();\n"
                        + "    COMMENT ON FUNCTION " + function + "() IS " + comment + ";\n"
                        + "  END IF;\n")));
    }

    /** {@code <history>_record}. */
    static String name(IntroduceHistoryTable r) {
        return r.history().name() + "_record";
    }

    /** Abort: the trigger, its function and the history table. */
    static List<Step> drop(IntroduceHistoryTable r) {
        return List.of(new Step.Guarded(PgCatalog.tableExists(r.table()), "DROP TRIGGER IF EXISTS " + quote(name(r))
                        + " ON " + table(r.table())),
                new Step.Statement("DROP FUNCTION IF EXISTS " + inSchema(r.table(), name(r)) + "()"),
                new Step.Statement("DROP TABLE IF EXISTS " + table(r.history())));
    }

    private static String values(String record, List<String> columns) {
        return columns.stream().map(c -> record + "." + quote(c)).collect(Collectors.joining(", "));
    }
}
