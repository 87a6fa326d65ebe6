package dev.graft.generator.postgres;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * PL/pgSQL that carries the indexes and constraints of one column over to the column that takes
 * its place, read from {@code pg_catalog} when the contract runs, so it includes what was added
 * outside the catalog: collect their definitions, drop the foreign keys of other tables that
 * refer to the column (they would block dropping it), and, once the column is gone, run the
 * definitions again. They are run in an order that works: keys and checks, then indexes, then
 * foreign keys (which may need one of those indexes). The block declares
 * {@link #DECLARATIONS}, {@code graft_rel} (the table) and the column numbers it names.
 */
final class ColumnDependents {

    static final String DECLARATIONS = "  graft_defs text[];\n  graft_def text;\n";

    private ColumnDependents() { }

    /**
     * Sets {@code graft_defs} to the definitions of what uses column number {@code column} (a
     * variable), except what also uses column {@code unless}, or is named in the text array
     * {@code skip}; each definition passed through {@code rewrite} (a SQL expression over it).
     */
    static String collect(String column, Optional<String> unless, Optional<String> skip, UnaryOperator<String> rewrite) {
        String notUnlessKey = unless.map(u -> " AND NOT coalesce(" + u + " = ANY (con.conkey), false)").orElse("");
        String notUnlessIndex = unless.map(u -> "\n        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
                + " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indexrelid"
                + " AND d.refobjid = graft_rel AND d.refobjsubid = " + u + ")").orElse("");
        String notSkippedKey = skip.map(s -> " AND NOT con.conname::text = ANY (" + s + ")").orElse("");
        String notSkippedIndex = skip.map(s -> " AND NOT ic.relname::text = ANY (" + s + ")").orElse("");
        return "    SELECT coalesce(array_agg(graft_d.def ORDER BY graft_d.rank, graft_d.name), '{}') INTO graft_defs FROM (\n"
                + "      SELECT " + rewrite.apply("format('ALTER TABLE %s ADD CONSTRAINT %I %s', con.conrelid::regclass,"
                + " con.conname, pg_catalog.pg_get_constraintdef(con.oid))") + " AS def,\n"
                + "        CASE WHEN con.contype = 'f' THEN 3 ELSE 1 END AS rank, con.conname::text AS name\n"
                + "        FROM pg_catalog.pg_constraint con WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')" + notSkippedKey + "\n"
                + "        AND ((con.conrelid = graft_rel AND " + column + " = ANY (con.conkey)" + notUnlessKey + ")\n"
                + "          OR (con.confrelid = graft_rel AND " + column + " = ANY (con.confkey)))\n"
                + "      UNION ALL\n"
                + "      SELECT " + rewrite.apply("pg_catalog.pg_get_indexdef(i.indexrelid)") + ", 2, ic.relname::text\n"
                + "        FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " WHERE i.indrelid = graft_rel" + notSkippedIndex + "\n"
                + "        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid"
                + " AND c.contype IN ('p', 'u', 'x'))\n"
                + "        AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
                + " AND d.objid = i.indexrelid AND d.refobjid = graft_rel AND d.refobjsubid = " + column + ")"
                + notUnlessIndex + "\n"
                + "    ) AS graft_d;\n";
    }

    /** Drops every foreign key, of any table, that refers to column number {@code column}. */
    static String dropIncoming(String column) {
        return "    FOR graft_def IN SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', con.conrelid::regclass, con.conname)"
                + " FROM pg_catalog.pg_constraint con\n"
                + "      WHERE con.contype = 'f' AND con.confrelid = graft_rel AND " + column + " = ANY (con.confkey)"
                + " ORDER BY 1 LOOP\n      EXECUTE graft_def;\n    END LOOP;\n";
    }

    /** Runs the collected definitions. */
    static String recreate() {
        return "    FOREACH graft_def IN ARRAY graft_defs LOOP\n      EXECUTE graft_def;\n    END LOOP;\n";
    }
}
