package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.AddLookupTable;
import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code add_lookup_table}: {@code CREATE TABLE IF NOT EXISTS} the lookup table, the distinct
 * non-null codes inserted {@code ON CONFLICT DO NOTHING}, a BEFORE INSERT OR UPDATE trigger on the
 * code table that adds a code the lookup table does not have yet (so writers that do not know the
 * lookup table keep working: the foreign key is checked after the row triggers), then the foreign
 * key NOT VALID and VALIDATE. The trigger is installed before the codes are copied, so a code
 * written while they are copied is either copied or added by the trigger.
 */
final class AddLookupTablePlan implements RefactoringPlanner<AddLookupTable> {

    @Override
    public Class<AddLookupTable> type() {
        return AddLookupTable.class;
    }

    @Override
    public RefactoringPlan plan(AddLookupTable r, PlanContext context) {
        String type = context.table(r.table()).column(r.column()).orElseThrow().type();
        String lookup = table(r.lookup());
        String create = r.surrogateKey()
                ? "CREATE TABLE IF NOT EXISTS " + lookup + " (\n  " + quote(r.key())
                        + " bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n  " + quote(r.value()) + " " + type
                        + " NOT NULL,\n  CONSTRAINT " + quote(r.primaryKeyName()) + " PRIMARY KEY (" + quote(r.key())
                        + "),\n  CONSTRAINT " + quote(r.uniqueName()) + " UNIQUE (" + quote(r.value()) + ")\n)"
                : "CREATE TABLE IF NOT EXISTS " + lookup + " (\n  " + quote(r.value()) + " " + type
                        + " NOT NULL,\n  CONSTRAINT " + quote(r.primaryKeyName()) + " PRIMARY KEY (" + quote(r.value())
                        + ")\n)";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Statement(create));
        steps.add(trigger(r, context));
        steps.add(new Step.Statement("INSERT INTO " + lookup + " (" + quote(r.value()) + ")\nSELECT DISTINCT "
                + quote(r.column()) + " FROM " + table(r.table()) + " WHERE " + quote(r.column()) + " IS NOT NULL\n"
                + "ON CONFLICT (" + quote(r.value()) + ") DO NOTHING"));
        steps.addAll(OnlineConstraints.addValidated(r.table(), r.constraintName(),
                "FOREIGN KEY (" + quote(r.column()) + ") REFERENCES " + lookup + " (" + quote(r.value()) + ")"));
        return RefactoringPlan.of(steps);
    }

    /** The trigger adding unknown codes; it stays after the migration, as writers may not know the lookup table. */
    private static Step trigger(AddLookupTable r, PlanContext context) {
        String name = context.names().of(r.table(), "lookup_" + r.column());
        String column = quote(r.column());
        String body = "BEGIN\n  IF NEW." + column + " IS NOT NULL THEN\n    INSERT INTO " + table(r.lookup()) + " ("
                + quote(r.value()) + ") VALUES (NEW." + column + ") ON CONFLICT (" + quote(r.value())
                + ") DO NOTHING;\n  END IF;\n  RETURN NEW;\nEND;";
        String function = inSchema(r.table(), name);
        String on = " ON " + table(r.table());
        String comment = "graft: generated from " + context.migration().fileName() + "; adds codes of "
                + r.table().qualified() + "." + r.column() + " missing from " + r.lookup().qualified();
        return new Step.Block("", "  IF " + PgCatalog.not(PgCatalog.triggerExists(r.table(), name)) + " THEN\n"
                + "    CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                + Dollar.quote(body) + ";\n"
                + "    CREATE OR REPLACE TRIGGER " + quote(name) + " BEFORE INSERT OR UPDATE OF " + column + on
                + " FOR EACH ROW EXECUTE FUNCTION " + function + "();\n"
                + "    COMMENT ON FUNCTION " + function + "() IS " + literal(comment) + ";\n"
                + "    COMMENT ON TRIGGER " + quote(name) + on + " IS " + literal(comment) + ";\n"
                + "  END IF;\n");
    }
}
