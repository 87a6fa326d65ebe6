package dev.graft.generator.plan;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

    /**
     * The transaction-local setting where the generated function {@code of(table, purpose)} notes
     * the columns that took their default: {@code graft.defaulted_<hash>}, the hash of the
     * function's schema-qualified name keeping it a valid setting name whatever the table is called.
     */
    public String defaultedSetting(TableName table, String purpose) {
        String object = table.schema() + "." + of(table, purpose);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(object.getBytes(StandardCharsets.UTF_8));
            return "graft.defaulted_" + HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The comment every generated object carries. */
    public String comment() {
        return "graft: generated from " + migration.fileName() + "; removed by its contract";
    }

    /**
     * The comment of an object a refactoring adds for good (an encapsulating view): abort still finds
     * it by the file name before the semicolon, the contract leaves it.
     */
    public String keptComment() {
        return "graft: generated from " + migration.fileName() + "; kept after its contract";
    }

    private String version() {
        return migration.version().toString().replace('.', '_');
    }
}
