package dev.graft.generator.plan;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.TableName;

/**
 * Names of the objects Graft creates: {@code graft_<version>_<table>_<purpose>}, dots of the
 * version written as {@code _}, fitted into 63 bytes as PostgreSQL requires.
 *
 * @param migration the migration creating them
 */
public record GraftNames(Migration migration) {

    /** {@code graft_2_inventory_sync}. */
    public String of(TableName table, String purpose) {
        return ConstraintNames.fit("graft_" + version() + "_" + table.name() + "_" + purpose);
    }

    /** The value of the {@code graft.backfill} setting while this migration backfills {@code table}. */
    public String backfillMode(TableName table) {
        return migration.version() + ":" + table.qualified();
    }

    /** The comment every generated object carries. */
    public String comment() {
        return "graft: generated from " + migration.fileName() + "; removed by its contract";
    }

    private String version() {
        return migration.version().toString().replace('.', '_');
    }
}
