package dev.graft.verifier.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A database's schema and data at one moment: what two runs of a migration must agree on.
 *
 * @param schema the schema snapshot
 * @param data   the data fingerprint
 */
public record DatabaseState(SchemaSnapshot schema, DataFingerprint data) {

    public DatabaseState {
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(data, "data == null");
    }

    /**
     * Reads schema and data, leaving out the data of tables named in {@code excludedData}.
     *
     * @throws SQLException if the database cannot be read
     */
    public static DatabaseState read(Connection connection, Set<String> excludedData) throws SQLException {
        return new DatabaseState(SchemaSnapshot.read(connection), DataFingerprint.read(connection, excludedData));
    }

    /** How {@code other} differs from this state. */
    public Difference compare(DatabaseState other) {
        return new Difference(schema.diff(other.schema), data.differingTables(other.data));
    }

    /**
     * How two states differ.
     *
     * @param schema the schema difference
     * @param tables the tables whose rows differ
     */
    public record Difference(SchemaDiff schema, List<String> tables) {
        public Difference {
            Objects.requireNonNull(schema, "schema == null");
            tables = List.copyOf(tables);
        }

        public boolean isEmpty() {
            return schema.isEmpty() && tables.isEmpty();
        }

        /** Human-readable lines: the schema diff, then one line per differing table. */
        public List<String> lines() {
            List<String> lines = new java.util.ArrayList<>(schema.lines());
            tables.forEach(t -> lines.add("~ rows of " + t + " differ"));
            return lines;
        }
    }
}
