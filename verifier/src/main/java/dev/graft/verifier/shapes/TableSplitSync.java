package dev.graft.verifier.shapes;

import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Checks 4 and 5 for a {@link TableSplit}, on a branch where the expand has run: every row the
 * backfill reached agrees across both tables (each disagreeing row is named by its key), then real
 * writes through each table (UPDATEs of the wide table's columns, UPDATEs or INSERTs of the narrow
 * table, a DELETE of a narrow row) leave both holding exactly what was written. A write the database
 * refuses (a NOT NULL column of the old shape refusing a deleted narrow row) changed neither shape.
 */
final class TableSplitSync {

    private static final int SHOWN = 10;

    private final Connection c;
    private final TableSplit split;
    private final TableFacts wide;
    private final String title;
    /** Rows of the narrow table without a wide row, beyond those {@link #orphans()} names. */
    private long lostUnshown;

    private TableSplitSync(Connection c, TableSplit split, TableFacts wide) {
        this.c = c;
        this.split = split;
        this.wide = wide;
        this.title = split.title();
    }

    /** Runs both checks, counted into {@code tally}. */
    static void run(Connection c, TableSplit named, int generated, Random random, SyncTally tally) throws SQLException {
        Optional<TableFacts> wide = TableFacts.read(c, named.wide());
        Optional<TableFacts> narrow = TableFacts.read(c, named.narrow());
        TableSplit split = !named.columns().isEmpty() || narrow.isEmpty() ? named : named.withColumns(
                narrow.get().columns().keySet().stream().filter(col -> !narrow.get().primaryKey().contains(col)).toList());
        if (wide.isEmpty() || narrow.isEmpty() || !split.columns().stream().allMatch(col ->
                wide.get().columns().containsKey(col) && narrow.get().columns().containsKey(col))) {
            tally.problem(split.title() + ": during the transition, both tables must hold columns " + split.columns());
            return;
        }
        TableSplitSync sync = new TableSplitSync(c, split, wide.get());
        sync.copied(tally);
        List<List<Optional<String>>> perColumn = new ArrayList<>();
        for (String column : split.columns()) {
            perColumn.add(SampleValues.of(wide.get().column(column), generated, random));
        }
        int n = perColumn.stream().mapToInt(List::size).max().orElse(0);
        long rows = sync.count();
        if (rows == 0) {
            tally.note(split.title() + ": the table has no row to write through either shape");
            return;
        }
        for (int i = 0; i < n; i++) {
            List<Optional<String>> sample = new ArrayList<>();
            for (List<Optional<String>> values : perColumn) {
                sample.add(values.get(i % values.size()));
            }
            long offset = i % rows;
            tally.add(SyncTally.Writes.WHOLE, split.title(), sync.write(true, offset, sample));
            tally.add(SyncTally.Writes.WHOLE, split.title(), sync.write(false, (offset + 1) % rows, sample));
        }
        tally.add(SyncTally.Writes.WHOLE, split.title(), sync.delete());
    }

    private String key() {
        return wide.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    }

    private String columns(String alias) {
        return split.columns().stream().map(col -> alias + "." + SqlNames.quote(col)).collect(Collectors.joining(", "));
    }

    private String keyText(String alias) {
        return "concat_ws(', ', " + wide.primaryKey().stream().map(k -> SqlNames.literal(k + "=") + " || coalesce("
                + alias + "." + SqlNames.quote(k) + "::text, 'NULL')").collect(Collectors.joining(", ")) + ")";
    }

    private String join() {
        return " FROM " + split.quotedWide() + " AS w LEFT JOIN " + split.quotedNarrow() + " AS n ON "
                + wide.primaryKey().stream().map(k -> "n." + SqlNames.quote(k) + " = w." + SqlNames.quote(k))
                .collect(Collectors.joining(" AND "));
    }

    /** Whether the two rows disagree: over the join of {@link #join()}. */
    private String disagree() {
        String first = "n." + SqlNames.quote(wide.primaryKey().get(0));
        return "(" + first + " IS NOT NULL AND ROW(" + columns("n") + ") IS DISTINCT FROM ROW(" + columns("w") + ")"
                + " OR " + first + " IS NULL AND NOT ROW(" + columns("w") + ") IS NULL)";
    }

    private long count() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + split.quotedWide())) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every existing row: each one whose two shapes disagree is named. */
    private void copied(SyncTally tally) throws SQLException {
        String sql = "SELECT " + keyText("w") + ", ROW(" + columns("w") + ")::text, CASE WHEN n."
                + SqlNames.quote(wide.primaryKey().get(0)) + " IS NULL THEN 'no row' ELSE ROW(" + columns("n")
                + ")::text END, count(*) OVER ()" + join() + " WHERE " + disagree() + " ORDER BY "
                + wide.primaryKey().stream().map(k -> "w." + SqlNames.quote(k)).collect(Collectors.joining(", "))
                + " LIMIT " + SHOWN;
        List<String> failed = new ArrayList<>();
        long bad = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                bad = r.getLong(4);
                failed.add(title + ": row " + r.getString(1) + ": " + split.wide() + " holds " + r.getString(2) + ", "
                        + split.narrow() + " holds " + r.getString(3));
            }
        }
        long unshown = Math.max(0, bad - failed.size());
        List<String> lost = orphans();
        failed.addAll(lost);
        tally.rows(SyncTally.Writes.COPIED, count(), failed, unshown + lostUnshown);
    }

    /** Rows of the narrow table without a row of the wide one: lost, as nothing of the wide shape holds them. */
    private List<String> orphans() throws SQLException {
        String sql = "SELECT " + keyText("n") + ", ROW(" + columns("n") + ")::text, count(*) OVER () FROM "
                + split.quotedNarrow() + " AS n WHERE NOT EXISTS (SELECT 1 FROM " + split.quotedWide() + " AS w WHERE "
                + wide.primaryKey().stream().map(k -> "w." + SqlNames.quote(k) + " = n." + SqlNames.quote(k))
                .collect(Collectors.joining(" AND ")) + ") ORDER BY " + wide.primaryKey().stream()
                .map(k -> "n." + SqlNames.quote(k)).collect(Collectors.joining(", ")) + " LIMIT " + SHOWN;
        List<String> lost = new ArrayList<>();
        long bad = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                bad = r.getLong(3);
                lost.add(title + ": row " + r.getString(1) + " of " + split.narrow() + " " + r.getString(2)
                        + " has no row in " + split.wide() + ": lost");
            }
        }
        lostUnshown = Math.max(0, bad - lost.size());
        return lost;
    }

    /**
     * Writes {@code sample} to the columns of the row at {@code offset} in key order: through the
     * wide table ({@code old}) or the narrow one (an UPDATE, or an INSERT where it has no row yet).
     */
    private SyncWrites.Outcome write(boolean old, long offset, List<Optional<String>> sample) {
        String what = "write of " + shown(sample) + " to " + (old ? split.wide() : split.narrow());
        try {
            Optional<List<String>> key = keyAt(split.quotedWide(), offset);
            if (key.isEmpty()) {
                return new SyncWrites.Outcome(SyncWrites.Kind.NO_ROW, what);
            }
            what += " at " + shownKey(key.get());
            String names = split.columns().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
            List<Optional<String>> parameters = new ArrayList<>(sample);
            key.get().forEach(k -> parameters.add(Optional.of(k)));
            int changed = execute(parameters, "UPDATE " + (old ? split.quotedWide() : split.quotedNarrow()) + " SET ("
                    + names + ") = ROW(" + values() + ") WHERE " + matches(""));
            if (changed == 0 && !old) {
                List<Optional<String>> inserted = new ArrayList<>();
                key.get().forEach(k -> inserted.add(Optional.of(k)));
                inserted.addAll(sample);
                execute(inserted, "INSERT INTO " + split.quotedNarrow() + " (" + key() + ", " + names + ") VALUES ("
                        + keyValues() + ", " + values() + ")");
            }
            return compare(what, key.get(), sample);
        } catch (SQLException e) {
            return refused(what, e);
        }
    }

    /** Deletes the first narrow row: the wide row's columns become NULL. */
    private SyncWrites.Outcome delete() {
        String what = "DELETE FROM " + split.narrow();
        try {
            Optional<List<String>> key = keyAt(split.quotedNarrow(), 0);
            if (key.isEmpty()) {
                return new SyncWrites.Outcome(SyncWrites.Kind.NO_ROW, what);
            }
            what += " at " + shownKey(key.get());
            execute(key.get().stream().map(Optional::of).toList(), "DELETE FROM " + split.quotedNarrow() + " WHERE "
                    + matches(""));
            return compare(what, key.get(), split.columns().stream().map(col -> Optional.<String>empty()).toList());
        } catch (SQLException e) {
            return refused(what, e);
        }
    }

    /** {@code ("id") = ROW(CAST(? AS bigint))}, over {@code alias}. */
    private String matches(String alias) {
        return "ROW(" + wide.primaryKey().stream().map(k -> alias + SqlNames.quote(k)).collect(Collectors.joining(", "))
                + ") = ROW(" + keyValues() + ")";
    }

    private String keyValues() {
        return wide.primaryKey().stream().map(k -> "CAST(? AS " + wide.column(k).type() + ")")
                .collect(Collectors.joining(", "));
    }

    private String values() {
        return split.columns().stream().map(col -> "CAST(? AS " + wide.column(col).type() + ")")
                .collect(Collectors.joining(", "));
    }

    private int execute(List<Optional<String>> parameters, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, List<Optional<String>> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            s.setString(i + 1, parameters.get(i).orElse(null));
        }
    }

    /** The key, as text per column, of the row at {@code offset} in key order. */
    private Optional<List<String>> keyAt(String table, long offset) throws SQLException {
        // aliased: ORDER BY a name of the output would sort the keys as text
        String sql = "SELECT " + wide.primaryKey().stream().map(k -> SqlNames.quote(k) + "::text AS graft_key")
                .collect(Collectors.joining(", ")) + " FROM " + table + " ORDER BY " + key() + " OFFSET " + offset
                + " LIMIT 1";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                return Optional.empty();
            }
            List<String> key = new ArrayList<>();
            for (int i = 1; i <= wide.primaryKey().size(); i++) {
                key.add(r.getString(i));
            }
            return Optional.of(key);
        }
    }

    private String shownKey(List<String> key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            parts.add(wide.primaryKey().get(i) + "=" + key.get(i));
        }
        return String.join(", ", parts);
    }

    /** Both tables hold {@code sample} for the row of {@code key} (no narrow row for all NULL). */
    private SyncWrites.Outcome compare(String what, List<String> key, List<Optional<String>> sample) throws SQLException {
        String sql = "SELECT ROW(" + columns("w") + ")::text, CASE WHEN n." + SqlNames.quote(wide.primaryKey().get(0))
                + " IS NULL THEN 'no row' ELSE ROW(" + columns("n") + ")::text END, ROW(" + columns("w")
                + ") IS NOT DISTINCT FROM ROW(" + values() + ") AND NOT " + disagree() + join()
                + " WHERE " + matches("w.");
        List<Optional<String>> parameters = new ArrayList<>(sample);
        key.forEach(k -> parameters.add(Optional.of(k)));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new SyncWrites.Outcome(SyncWrites.Kind.OUT_OF_SYNC, what + ": the row is gone");
                }
                if (!r.getBoolean(3)) {
                    return new SyncWrites.Outcome(SyncWrites.Kind.OUT_OF_SYNC, what + ": " + split.wide() + " holds "
                            + r.getString(1) + ", " + split.narrow() + " holds " + r.getString(2));
                }
                return new SyncWrites.Outcome(SyncWrites.Kind.IN_SYNC, what);
            }
        }
    }

    private static SyncWrites.Outcome refused(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String line = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
        if (state.startsWith("22") || state.startsWith("23")) {
            return new SyncWrites.Outcome(SyncWrites.Kind.REFUSED, what + ": refused by a constraint: " + line);
        }
        return new SyncWrites.Outcome(SyncWrites.Kind.OUT_OF_SYNC, what + ": the write fails: " + line);
    }

    private static String shown(List<Optional<String>> sample) {
        return sample.stream().map(v -> v.map(x -> "'" + (x.length() > 20 ? x.substring(0, 20) + "..." : x) + "'")
                .orElse("NULL")).collect(Collectors.joining(", ", "(", ")"));
    }
}
