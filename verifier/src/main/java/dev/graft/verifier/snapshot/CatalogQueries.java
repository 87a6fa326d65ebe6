package dev.graft.verifier.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pg_catalog} queries behind {@link SchemaSnapshot}: one per object kind, each
 * returning the object's qualified name and a definition string as PostgreSQL prints it.
 */
final class CatalogQueries {

    /** User schemas only: no system schemas, no temporary or toast schemas. */
    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    /** Objects that belong to an extension are the extension's business, not the migration's. */
    private static String notInExtension(String catalog, String oid) {
        return " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep WHERE dep.classid = '" + catalog
                + "'::regclass AND dep.objid = " + oid + " AND dep.deptype = 'e')";
    }

    private static final String COMMENT = "coalesce(' comment ' || quote_literal(%s), '')";

    private static final String REL = "n.nspname || '.' || c.relname";

    private final Connection connection;

    CatalogQueries(Connection connection) {
        this.connection = connection;
    }

    List<SchemaObject> all() throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        read(objects, ObjectKind.SCHEMA, "SELECT n.nspname, 'owner ' || pg_get_userbyid(n.nspowner)"
                + comment("obj_description(n.oid, 'pg_namespace')") + " FROM pg_catalog.pg_namespace n WHERE "
                + USER_SCHEMA + notInExtension("pg_namespace", "n.oid"));
        read(objects, ObjectKind.TABLE, "SELECT " + REL + ", 'kind ' || c.relkind::text || ' persistence ' || c.relpersistence::text"
                + " || CASE WHEN c.relrowsecurity THEN ' row security' ELSE '' END"
                + " || coalesce(' options ' || array_to_string(c.reloptions, ','), '')"
                + comment("obj_description(c.oid, 'pg_class')")
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'f') AND " + USER_SCHEMA + notInExtension("pg_class", "c.oid"));
        read(objects, ObjectKind.COLUMN, "SELECT " + REL + " || '.' || a.attname,"
                + " format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END"
                + " || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END"
                + " || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation"
                + "   THEN ' collate ' || (SELECT collname FROM pg_catalog.pg_collation WHERE oid = a.attcollation) ELSE '' END"
                + comment("col_description(c.oid, a.attnum)")
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f') AND " + USER_SCHEMA
                + notInExtension("pg_class", "c.oid"));
        read(objects, ObjectKind.CONSTRAINT, "SELECT " + REL + " || '.' || con.conname,"
                + " pg_get_constraintdef(con.oid)" + comment("obj_description(con.oid, 'pg_constraint')")
                + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                + notInExtension("pg_class", "c.oid"));
        read(objects, ObjectKind.INDEX, "SELECT n.nspname || '.' || ic.relname, pg_get_indexdef(i.indexrelid)"
                + " || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END"
                + comment("obj_description(ic.oid, 'pg_class')")
                + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace WHERE " + USER_SCHEMA
                + notInExtension("pg_class", "i.indrelid"));
        read(objects, ObjectKind.TRIGGER, "SELECT " + REL + " || '.' || tg.tgname, pg_get_triggerdef(tg.oid)"
                + " || ' enabled ' || tg.tgenabled::text" + comment("obj_description(tg.oid, 'pg_trigger')")
                + " FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT tg.tgisinternal AND "
                + USER_SCHEMA);
        read(objects, ObjectKind.FUNCTION, "SELECT n.nspname || '.' || p.proname || '('"
                + " || pg_get_function_identity_arguments(p.oid) || ')',"
                + " CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) ELSE 'kind ' || p.prokind::text END"
                + comment("obj_description(p.oid, 'pg_proc')")
                + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE "
                + USER_SCHEMA + notInExtension("pg_proc", "p.oid"));
        read(objects, ObjectKind.VIEW, "SELECT " + REL + ", CASE c.relkind WHEN 'm' THEN 'materialized ' ELSE '' END"
                + " || pg_get_viewdef(c.oid, true)" + comment("obj_description(c.oid, 'pg_class')")
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMA + notInExtension("pg_class", "c.oid"));
        read(objects, ObjectKind.SEQUENCE, "SELECT " + REL + ", format_type(s.seqtypid, NULL)"
                + " || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin"
                + " || ' max ' || s.seqmax || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END"
                + comment("obj_description(c.oid, 'pg_class')")
                + " FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                + notInExtension("pg_class", "c.oid"));
        read(objects, ObjectKind.TYPE, "SELECT n.nspname || '.' || t.typname,"
                + " CASE t.typtype WHEN 'e' THEN 'enum (' || (SELECT string_agg(quote_literal(e.enumlabel), ', '"
                + "   ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) || ')'"
                + " WHEN 'd' THEN 'domain ' || format_type(t.typbasetype, t.typtypmod)"
                + "   || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END"
                + "   || coalesce(' default ' || t.typdefault, '')"
                + "   || coalesce((SELECT ' ' || string_agg(pg_get_constraintdef(dc.oid), ' ' ORDER BY dc.conname)"
                + "     FROM pg_catalog.pg_constraint dc WHERE dc.contypid = t.oid), '')"
                + " ELSE 'type ' || t.typtype::text END" + comment("obj_description(t.oid, 'pg_type')")
                + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typtype IN ('e', 'd') AND " + USER_SCHEMA + notInExtension("pg_type", "t.oid"));
        return objects;
    }

    private static String comment(String expression) {
        return " || " + String.format(COMMENT, expression);
    }

    private void read(List<SchemaObject> into, ObjectKind kind, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                into.add(new SchemaObject(kind, rows.getString(1), rows.getString(2)));
            }
        }
    }
}
