package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.GraftNames;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.SqlIdentifier;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sync of two tables keyed 1:1 (split_table, merge_tables): {@code columns} live in the wide
 * table and in the narrow one, whose key is a foreign key to the wide table's. A narrow row exists
 * for each wide row whose columns are not all NULL. Writes of the wide table's columns upsert (or,
 * all NULL, delete) the narrow row; inserts, updates and deletes of the narrow table set the wide
 * row's columns (NULL for a deleted row). Unlike {@link TransitionTrigger}, the sync writes another
 * table, so it is three {@code AFTER} row triggers (and one {@code BEFORE INSERT} on the narrow
 * table, which takes over the row the wide table's insert already made for that key). Each sets the
 * transaction-local {@code graft.syncing} to the transition's tag around its own write and stands
 * aside when it finds it set: a trigger never answers the other's write, however deep the call.
 *
 * @param wide    the table holding the columns with the rest of the row
 * @param narrow  the table holding only the key and the columns
 * @param key     the key of both (the wide table's primary key)
 * @param columns the synced columns
 * @param purpose the name part of the triggers after the table: {@code split}
 * @param names   the migration's names
 * @param deletes whether a delete of a wide row deletes its narrow row (without a foreign key that
 *                cascades): a merge, whose backfill fills the wide table from the narrow one, and
 *                whose wide trigger then stands aside (the backfill would otherwise lock narrow rows
 *                after wide ones, the reverse of a writer of the narrow table, and deadlock with it)
 */
record TableSync(TableName wide, TableName narrow, List<String> key, List<String> columns, String purpose,
        GraftNames names, boolean deletes) {

    TableSync {
        Objects.requireNonNull(wide, "wide == null");
        Objects.requireNonNull(narrow, "narrow == null");
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        Objects.requireNonNull(purpose, "purpose == null");
        Objects.requireNonNull(names, "names == null");
    }

    String wideTrigger() {
        return names.of(wide, purpose);
    }

    String narrowTrigger() {
        return names.of(narrow, purpose);
    }

    String takeOverTrigger() {
        return names.of(narrow, purpose + "_take");
    }

    /** The value of {@code graft.syncing} while one of the triggers writes: the wide trigger's name. */
    private String tag() {
        return literal(wide.schema() + "." + wideTrigger());
    }

    /** The claim of a backfill that walks the wide table: its trigger function's comment. */
    BackfillClaim claim() {
        return TransitionTrigger.claim(wide, wideTrigger(), names);
    }

    /** The triggers and their functions, each created with its comment while it does not exist. */
    List<Step> install() {
        return List.of(
                install(wide, wideTrigger(), deletes ? "AFTER INSERT OR UPDATE OR DELETE" : "AFTER INSERT OR UPDATE",
                        wideBody()),
                install(narrow, takeOverTrigger(), "BEFORE INSERT", takeOverBody()),
                install(narrow, narrowTrigger(), "AFTER INSERT OR UPDATE OR DELETE", narrowBody()));
    }

    /**
     * Both tables locked first, by {@code NOWAIT} attempts 10 ms apart for up to 5 s, then the
     * triggers and their functions dropped. A writer of one table also writes the other through
     * the triggers, so a contract waiting for the lock of one table while holding the other's would
     * deadlock with it, and would queue every writer behind it meanwhile; an attempt that does not
     * wait does neither. After 5 s the drops wait for their locks as any contract does.
     */
    List<Step> remove() {
        String both = SqlIdentifier.table(narrow) + ", " + SqlIdentifier.table(wide);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Block("  graft_try integer;\n", "  IF " + PgCatalog.tableExists(wide) + " AND "
                + PgCatalog.tableExists(narrow) + " THEN\n"
                + "    FOR graft_try IN 1..500 LOOP\n"
                + "      BEGIN\n"
                + "        LOCK TABLE " + both + " IN ACCESS EXCLUSIVE MODE NOWAIT;\n"
                + "        EXIT;\n"
                + "      EXCEPTION WHEN lock_not_available THEN\n"
                + "        PERFORM pg_catalog.pg_sleep(0.01);\n"
                + "      END;\n"
                + "    END LOOP;\n"
                + "  END IF;\n"));
        steps.addAll(TransitionTrigger.drop(wide, wideTrigger()));
        steps.addAll(TransitionTrigger.drop(narrow, takeOverTrigger()));
        steps.addAll(TransitionTrigger.drop(narrow, narrowTrigger()));
        return steps;
    }

    /**
     * Whether a wide row still needs its narrow row: its columns not all NULL and no narrow row for
     * its key; an expression over the wide table's row in an UPDATE of it.
     */
    String unsynced() {
        String alias = "graft_narrow";
        return "NOT " + row(columns, c -> quote(c)) + " IS NULL AND NOT EXISTS (SELECT 1 FROM "
                + SqlIdentifier.table(narrow) + " AS " + alias + " WHERE "
                + key.stream().map(k -> alias + "." + quote(k) + " = " + SqlIdentifier.table(wide) + "." + quote(k))
                .collect(Collectors.joining(" AND ")) + ")";
    }

    private Step install(TableName on, String name, String timing, String body) {
        String function = inSchema(on, name);
        String table = " ON " + SqlIdentifier.table(on);
        String comment = literal(names.comment());
        return new Step.Block("", "  IF " + PgCatalog.not(PgCatalog.triggerExists(on, name)) + " THEN\n"
                + "    CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                + Dollar.quote(body) + ";\n"
                + "    CREATE OR REPLACE TRIGGER " + quote(name) + " " + timing + table + " FOR EACH ROW EXECUTE FUNCTION "
                + function + "();\n"
                + "    COMMENT ON FUNCTION " + function + "() IS " + comment + ";\n"
                + "    COMMENT ON TRIGGER " + quote(name) + table + " IS " + comment + ";\n"
                + "  END IF;\n");
    }

    /** The setting as the trigger found it, given back after its write. */
    private static final String DECLARE = "\nDECLARE\n  graft_was text := coalesce(pg_catalog.current_setting('graft.syncing',"
            + " true), '');\nBEGIN\n";

    private String standAside(String result) {
        return "  IF graft_was = " + tag() + " THEN\n"
                + "    RETURN " + result + ";\n  END IF;\n";
    }

    private String syncing(String value) {
        return "  PERFORM pg_catalog.set_config('graft.syncing', " + value + ", true);\n";
    }

    /**
     * Upserts the narrow row, or deletes it when the columns are all NULL. An UPDATE that changes
     * neither the columns nor the key leaves it alone, except under the backfill, whose update of
     * each unsynced row is what creates its narrow row.
     */
    private String wideBody() {
        String target = SqlIdentifier.table(narrow);
        List<String> all = new ArrayList<>(key);
        all.addAll(columns);
        String delete = !deletes ? "" : "  IF TG_OP = 'DELETE' THEN\n  " + syncing(tag()) + "    DELETE FROM " + target
                + " WHERE " + match(c -> "OLD." + quote(c)) + ";\n  " + syncing("graft_was") + "    RETURN NULL;\n  END IF;\n";
        String mode = literal(names.backfillMode(wide));
        if (deletes) {
            return DECLARE + standAside("NULL") + "  IF pg_catalog.current_setting('graft.backfill', true) = " + mode
                    + " THEN\n    RETURN NULL;\n  END IF;\n" + delete
                    + "  IF TG_OP = 'UPDATE' AND " + row(all, c -> "NEW." + quote(c)) + " IS NOT DISTINCT FROM "
                    + row(all, c -> "OLD." + quote(c)) + " THEN\n    RETURN NULL;\n  END IF;\n" + upsert(target, all);
        }
        return DECLARE + standAside("NULL")
                + "  IF TG_OP = 'UPDATE' AND " + row(all, c -> "NEW." + quote(c)) + " IS NOT DISTINCT FROM "
                + row(all, c -> "OLD." + quote(c)) + "\n    AND pg_catalog.current_setting('graft.backfill', true)"
                + " IS DISTINCT FROM " + mode + " THEN\n    RETURN NULL;\n  END IF;\n" + upsert(target, all);
    }

    /** The narrow row upserted from NEW, or deleted when the columns are all NULL; then RETURN NULL. */
    private String upsert(String target, List<String> all) {
        return syncing(tag())
                + "  IF " + row(columns, c -> "NEW." + quote(c)) + " IS NULL THEN\n"
                + "    DELETE FROM " + target + " WHERE " + match(c -> "NEW." + quote(c)) + ";\n"
                + "  ELSE\n"
                + "    INSERT INTO " + target + " AS graft_n (" + SqlIdentifier.list(all) + ") VALUES ("
                + all.stream().map(c -> "NEW." + quote(c)).collect(Collectors.joining(", ")) + ")\n"
                + "      ON CONFLICT (" + SqlIdentifier.list(key) + ") DO UPDATE SET "
                + columns.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c)).collect(Collectors.joining(", "))
                + "\n      WHERE " + row(columns, c -> "graft_n." + quote(c)) + " IS DISTINCT FROM "
                + row(columns, c -> "EXCLUDED." + quote(c)) + ";\n"
                + "  END IF;\n" + syncing("graft_was") + "  RETURN NULL;\nEND\n";
    }

    /**
     * An insert into the narrow table of a key the wide table's insert already gave a row (from
     * the columns' defaults) replaces that row instead of failing on the key.
     */
    private String takeOverBody() {
        return DECLARE + standAside("NEW") + syncing(tag())
                + "  DELETE FROM " + SqlIdentifier.table(narrow) + " WHERE " + match(c -> "NEW." + quote(c)) + ";\n"
                + syncing("graft_was") + "  RETURN NEW;\nEND\n";
    }

    /** Sets the wide row's columns from the narrow row; NULL where the narrow row went away. */
    private String narrowBody() {
        String target = SqlIdentifier.table(wide);
        return DECLARE + standAside("NULL") + syncing(tag())
                + "  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND " + row(key, c -> "NEW." + quote(c))
                + " IS DISTINCT FROM " + row(key, c -> "OLD." + quote(c)) + ") THEN\n"
                + "    UPDATE " + target + " SET " + columns.stream().map(c -> quote(c) + " = NULL")
                .collect(Collectors.joining(", ")) + "\n      WHERE " + match(c -> "OLD." + quote(c))
                + " AND NOT " + row(columns, c -> quote(c)) + " IS NULL;\n"
                + "  END IF;\n"
                + "  IF TG_OP <> 'DELETE' THEN\n"
                + "    UPDATE " + target + " SET " + columns.stream().map(c -> quote(c) + " = NEW." + quote(c))
                .collect(Collectors.joining(", ")) + "\n      WHERE " + match(c -> "NEW." + quote(c))
                + " AND " + row(columns, c -> quote(c)) + " IS DISTINCT FROM " + row(columns, c -> "NEW." + quote(c)) + ";\n"
                + "  END IF;\n" + syncing("graft_was") + "  RETURN NULL;\nEND\n";
    }

    /** {@code "id" = NEW."id" AND ...}: the row of the other table with this key. */
    private String match(Function<String, String> field) {
        return key.stream().map(k -> quote(k) + " = " + field.apply(k)).collect(Collectors.joining(" AND "));
    }

    private static String row(List<String> names, Function<String, String> field) {
        return "ROW(" + names.stream().map(field).collect(Collectors.joining(", ")) + ")";
    }
}
