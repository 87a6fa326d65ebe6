package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.refactoring.OnConflict;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.GraftNames;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.SqlIdentifier;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The transition trigger that keeps an old and a new shape of a row in sync: one
 * {@code BEFORE INSERT OR UPDATE} trigger whose function only assigns {@code NEW} (no DML, so no
 * recursion). It sees which shape was written, computes the other with the catalog's
 * expressions, and applies {@code on_conflict} when both were written with values that disagree.
 * On UPDATE a shape is written when it changed. On INSERT it is written when the statement gave
 * one of its columns a value, NULL included: the {@link DefaultMarker} notes every column that took
 * its default instead. A row that writes neither shape holds the old shape's defaults, and the new
 * shape follows from them. An UPDATE of a row no write or backfill has synced yet (its new shape
 * all NULL while the old one maps to something) first gives every new column the statement left
 * alone what the old shape maps to, so a partial write of the new shape combines with the row's
 * values instead of NULLs. While a backfill of its migration runs (setting {@code graft.backfill})
 * it stands aside.
 *
 * @param table       the table
 * @param purpose     the name part after the table: {@code inventory_code_sync}
 * @param oldColumns  the old shape
 * @param newColumns  the new shape
 * @param forth       per new column, its expression over {@code forthScope}
 * @param back        per old column, its expression over {@code backScope}
 * @param forthScope  row column name to the field of NEW it reads, for {@code forth}
 * @param backScope   row column name to the field of NEW it reads, for {@code back}
 * @param marker      the defaults that note they were taken, which tell on INSERT what was written
 * @param onConflict  what to do when both shapes are written and disagree
 * @param key         the row key named in a conflict error
 */
record TransitionTrigger(TableName table, String purpose, List<String> oldColumns, List<String> newColumns,
        List<String> forth, List<String> back, Map<String, String> forthScope, Map<String, String> backScope,
        DefaultMarker marker, OnConflict onConflict, List<String> key) {

    TransitionTrigger {
        Objects.requireNonNull(table, "table == null");
        oldColumns = List.copyOf(oldColumns);
        newColumns = List.copyOf(newColumns);
        forth = List.copyOf(forth);
        back = List.copyOf(back);
        forthScope = new LinkedHashMap<>(forthScope);
        backScope = new LinkedHashMap<>(backScope);
        Objects.requireNonNull(marker, "marker == null");
        if (forth.size() != newColumns.size() || back.size() != oldColumns.size()) {
            throw new IllegalArgumentException("one expression per column of each shape");
        }
    }

    /** A scope where every column reads its own field. */
    static Map<String, String> identity(List<String> columns) {
        Map<String, String> scope = new LinkedHashMap<>();
        columns.forEach(c -> scope.put(c, c));
        return scope;
    }

    /**
     * The function, the trigger and their comments, created together while the trigger does not
     * exist: a run after the first takes no lock on the table (CREATE TRIGGER would wait for every
     * writer, and for a backfill still running), and keeps the comment that marks the backfill done.
     */
    Step install(GraftNames names) {
        return install(table, names.of(table, purpose), body(names.backfillMode(table)), names.comment());
    }

    /** A trigger function of that body, its BEFORE INSERT OR UPDATE row trigger and their comments. */
    static Step install(TableName table, String name, String body, String comment) {
        String function = inSchema(table, name);
        String on = " ON " + SqlIdentifier.table(table);
        return new Step.Block("", "  IF " + PgCatalog.not(PgCatalog.triggerExists(table, name)) + " THEN\n"
                + "    CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                + Dollar.quote(body) + ";\n"
                + "    CREATE OR REPLACE TRIGGER " + quote(name) + " BEFORE INSERT OR UPDATE" + on + " FOR EACH ROW EXECUTE FUNCTION "
                + function + "();\n"
                + "    COMMENT ON FUNCTION " + function + "() IS " + literal(comment) + ";\n"
                + "    COMMENT ON TRIGGER " + quote(name) + on + " IS " + literal(comment) + ";\n"
                + "  END IF;\n");
    }

    /** The lock and done marker of this transition's backfill: its trigger function. */
    BackfillClaim claim(GraftNames names) {
        return claim(table, names.of(table, purpose), names);
    }

    /** The claim of a backfill whose trigger function is {@code name}. */
    static BackfillClaim claim(TableName table, String name, GraftNames names) {
        return new BackfillClaim(name, inSchema(table, name) + "()", names.comment());
    }

    /** Drops the trigger, then its function. */
    List<Step> remove(GraftNames names) {
        return drop(table, names.of(table, purpose));
    }

    static List<Step> drop(TableName table, String name) {
        return List.of(
                new Step.Guarded(PgCatalog.tableExists(table),
                        "DROP TRIGGER IF EXISTS " + quote(name) + " ON " + SqlIdentifier.table(table)),
                new Step.Statement("DROP FUNCTION IF EXISTS " + inSchema(table, name) + "()"));
    }

    private String body(String mode) {
        StringBuilder b = new StringBuilder();
        b.append('\n').append(RowExpressions.DIRECTIVE);
        b.append("DECLARE\n  graft_defaulted text := coalesce(pg_catalog.current_setting(").append(literal(marker.setting()))
                .append(", true), '');\n  graft_old_written boolean;\n  graft_new_written boolean;\n");
        for (int i = 0; i < newColumns.size(); i++) {
            b.append("  graft_new_").append(i + 1).append(' ').append(columnType(newColumns.get(i))).append(";\n");
        }
        for (int i = 0; i < oldColumns.size(); i++) {
            b.append("  graft_old_").append(i + 1).append(' ').append(columnType(oldColumns.get(i))).append(";\n");
        }
        b.append("BEGIN\n");
        b.append("  IF graft_defaulted <> '' THEN\n    graft_defaulted := pg_catalog.set_config(")
                .append(literal(marker.setting())).append(", '', true) || graft_defaulted;\n  END IF;\n");
        b.append("  IF pg_catalog.current_setting('graft.backfill', true) = ").append(literal(mode)).append(" THEN\n")
                .append("    RETURN NEW;\n  END IF;\n");
        b.append("  IF TG_OP = 'INSERT' THEN\n");
        b.append("    graft_old_written := ").append(anyWritten(oldColumns)).append(";\n");
        b.append("    graft_new_written := ").append(anyWritten(newColumns)).append(";\n");
        b.append("    IF NOT graft_old_written AND NOT graft_new_written THEN\n      graft_old_written := true;\n"
                + "    END IF;\n");
        b.append("  ELSE\n");
        b.append("    graft_old_written := ").append(changed(oldColumns)).append(";\n");
        b.append("    graft_new_written := ").append(changed(newColumns)).append(";\n");
        b.append(fillUnsynced());
        b.append("  END IF;\n");
        b.append("  IF graft_old_written THEN\n").append(forth("    ")).append("  END IF;\n");
        b.append("  IF graft_new_written THEN\n")
                .append(new RowExpressions(table, backScope).assign(back, variables("graft_old_", back.size()), "    "))
                .append("  END IF;\n");
        b.append("  IF graft_old_written AND graft_new_written THEN\n");
        b.append("    IF ").append(row(newColumns.size(), i -> "graft_new_" + i)).append(" IS NOT DISTINCT FROM ")
                .append(row(newColumns, c -> "NEW." + quote(c))).append(" THEN\n      RETURN NEW;\n    END IF;\n");
        switch (onConflict) {
            case REJECT -> b.append(reject());
            case PREFER_NEW -> b.append("    graft_old_written := false;\n");
            case PREFER_OLD -> b.append("    graft_new_written := false;\n");
        }
        b.append("  END IF;\n");
        b.append("  IF graft_old_written THEN\n");
        for (int i = 0; i < newColumns.size(); i++) {
            b.append("    NEW.").append(quote(newColumns.get(i))).append(" := graft_new_").append(i + 1).append(";\n");
        }
        b.append("  ELSIF graft_new_written THEN\n");
        for (int i = 0; i < oldColumns.size(); i++) {
            b.append("    NEW.").append(quote(oldColumns.get(i))).append(" := graft_old_").append(i + 1).append(";\n");
        }
        b.append("  END IF;\n  RETURN NEW;\nEND\n");
        return b.toString();
    }

    /** The new shape the row's old shape maps to, into {@code graft_new_<n>}. */
    private String forth(String indent) {
        return new RowExpressions(table, forthScope).assign(forth, variables("graft_new_", forth.size()), indent);
    }

    private static List<String> variables(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /**
     * An UPDATE of a row the backfill has not reached yet (its new shape all NULL, while its old
     * shape maps to something): each new column the statement left as it was takes the value the
     * old shape maps to, as the backfill would have given it, before anything is derived from the
     * new shape. A partial write of the new shape so combines with the row's values instead of
     * NULLs, and any other write syncs the row.
     */
    private String fillUnsynced() {
        StringBuilder b = new StringBuilder();
        b.append("    IF ").append(row(newColumns, c -> "OLD." + quote(c))).append(" IS NULL THEN\n")
                .append(forth("      "));
        b.append("      IF NOT ").append(row(newColumns.size(), i -> "graft_new_" + i)).append(" IS NULL THEN\n");
        for (int i = 0; i < newColumns.size(); i++) {
            String column = "NEW." + quote(newColumns.get(i));
            b.append("        IF ").append(column).append(" IS NULL THEN\n          ").append(column)
                    .append(" := graft_new_").append(i + 1).append(";\n        END IF;\n");
        }
        b.append("      END IF;\n    END IF;\n");
        return b.toString();
    }

    private String reject() {
        String message = "conflicting writes to table " + escape(table.toString()) + ", key ("
                + escape(String.join(", ", key)) + ") = %: old shape (" + escape(String.join(", ", oldColumns))
                + ") = % but new shape (" + escape(String.join(", ", newColumns)) + ") = %";
        return "    RAISE EXCEPTION " + literal(message) + ",\n      "
                + row(key, c -> "NEW." + quote(c)) + ", " + row(oldColumns, c -> "NEW." + quote(c)) + ", "
                + row(newColumns, c -> "NEW." + quote(c)) + "\n      USING ERRCODE = 'integrity_constraint_violation';\n";
    }

    /** Names inside a RAISE format, where {@code %} is a placeholder. */
    private static String escape(String text) {
        return text.replace("%", "%%");
    }

    private String columnType(String column) {
        return SqlIdentifier.table(table) + "." + quote(column) + "%TYPE";
    }

    /** Any of {@code columns} was written by the INSERT. */
    private String anyWritten(List<String> columns) {
        return columns.stream().map(marker::written).collect(Collectors.joining(" OR "));
    }

    private static String changed(List<String> columns) {
        return row(columns, c -> "NEW." + quote(c)) + " IS DISTINCT FROM " + row(columns, c -> "OLD." + quote(c));
    }

    private static String row(List<String> columns, Function<String, String> field) {
        return "ROW(" + columns.stream().map(field).collect(Collectors.joining(", ")) + ")";
    }

    private static String row(int size, java.util.function.IntFunction<String> field) {
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            fields.add(field.apply(i));
        }
        return "ROW(" + String.join(", ", fields) + ")";
    }
}
