package dev.graft.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Default names of constraints and indexes given no {@code name}: PostgreSQL's spelling
 * ({@code <table>_<cols>_key}, {@code _fkey}, {@code _check}, {@code _pkey}, {@code _idx}); a name
 * over 63 bytes is truncated and ends with a short hash of the whole, so it stays unique.
 *
 * <pre>{@code ConstraintNames.of("orders", List.of("customer_id"), "fkey"); // orders_customer_id_fkey}</pre>
 */
public final class ConstraintNames {

    private static final int MAX_BYTES = 63;

    private ConstraintNames() { }

    /** {@code <table>_<col1>_<col2>_<suffix>}, or {@code <table>_<suffix>} with no columns. */
    public static String of(String table, List<String> columns, String suffix) {
        StringBuilder name = new StringBuilder(table);
        for (String column : columns) {
            name.append('_').append(column);
        }
        return fit(name.append('_').append(suffix).toString());
    }

    /** {@code <table>_pkey}. */
    public static String primaryKey(String table) {
        return of(table, List.of(), "pkey");
    }

    /** The name itself if it fits in 63 bytes, else a truncation ending in {@code _} and 8 hex digits. */
    public static String fit(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return name;
        }
        String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 8);
        StringBuilder prefix = new StringBuilder();
        int budget = MAX_BYTES - 9;
        for (int cp : name.codePoints().toArray()) {
            String ch = new String(Character.toChars(cp));
            budget -= ch.getBytes(StandardCharsets.UTF_8).length;
            if (budget < 0) {
                break;
            }
            prefix.append(ch);
        }
        return prefix + "_" + hash;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
