package dev.graft.verifier.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The rows of every user table, fingerprinted: a row count and an order-independent hash (the sum
 * of a 64-bit hash of each row's text), computed by PostgreSQL in one pass over each table.
 * Equal fingerprints mean equal multisets of rows, up to hash collisions.
 *
 * @param tables per qualified table name ({@code public.inventory}), its fingerprint
 */
public record DataFingerprint(Map<String, TableFingerprint> tables) {

    /** Flyway's history table holds timestamps and run times: never part of a migration's result. */
    public static final Set<String> DEFAULT_EXCLUDED = Set.of("flyway_schema_history");

    public DataFingerprint {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /**
     * Fingerprints every ordinary table except those whose unqualified name is in {@code excluded}.
     *
     * @throws SQLException if a table cannot be read
     */
    public static DataFingerprint read(Connection connection, Set<String> excluded) throws SQLException {
        return read(connection, excluded, table -> true);
    }

    /**
     * Fingerprints the ordinary tables whose qualified name ({@code public.inventory}) passes
     * {@code included}, except those whose unqualified name is in {@code excluded}.
     *
     * @throws SQLException if a table cannot be read
     */
    public static DataFingerprint read(Connection connection, Set<String> excluded, Predicate<String> included)
            throws SQLException {
        Map<String, TableFingerprint> tables = new TreeMap<>();
        for (UserTable table : UserTable.list(connection)) {
            if (excluded.contains(table.name()) || !included.test(table.qualifiedName())) {
                continue;
            }
            try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(
                    "SELECT count(*), coalesce(sum(hashtextextended(t::text, 0)), 0)::text FROM " + table.sql() + " t")) {
                rows.next();
                tables.put(table.qualifiedName(), new TableFingerprint(rows.getLong(1), rows.getString(2)));
            }
        }
        return new DataFingerprint(tables);
    }

    /** Names of the tables whose fingerprint differs, or that only one side has. */
    public List<String> differingTables(DataFingerprint other) {
        Set<String> names = new TreeSet<>(tables.keySet());
        names.addAll(other.tables.keySet());
        return names.stream().filter(n -> !Objects.equals(tables.get(n), other.tables.get(n))).toList();
    }

    /** The fingerprints of the tables named, of those this one has. */
    public DataFingerprint only(Set<String> names) {
        Map<String, TableFingerprint> some = new TreeMap<>(tables);
        some.keySet().retainAll(names);
        return new DataFingerprint(some);
    }

    /** Total rows over all tables. */
    public long rows() {
        return tables.values().stream().mapToLong(TableFingerprint::rows).sum();
    }

    /**
     * One table's fingerprint.
     *
     * @param rows the row count
     * @param hash the sum of the rows' hashes, as decimal text
     */
    public record TableFingerprint(long rows, String hash) {
        public TableFingerprint {
            Objects.requireNonNull(hash, "hash == null");
        }
    }
}
