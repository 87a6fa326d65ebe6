package dev.graft.verifier.shapes;

import dev.graft.branch.Branch;
import dev.graft.catalog.Migration;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.RoundTripFinding;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Check 5: every existing row survives the way to the new shape and back
 * ({@code combine(split(x)) = x}, {@code down(up(x)) = x}, {@code split(merge(x)) = x}), evaluated
 * by PostgreSQL with the catalog's own expressions over the rows of the database the migration
 * applies to, with the new columns' declared types. Rows that do not are counted and the first
 * of them shown; any such row fails the check, and so does a row whose new shape is NULL although
 * the old one held a value (a NULL that comes back as NULL proves nothing). A table with few rows
 * is given generated ones ({@link GeneratedRows}), named in the result; no row at all is not a pass.
 */
public final class RoundTripCheck {

    /**
     * The check's result and its findings per transition.
     *
     * @param result   the check result
     * @param findings one per transition checked
     */
    public record Outcome(CheckResult result, List<RoundTripFinding> findings) { }

    private final VerifierConfig config;

    public RoundTripCheck(VerifierConfig config) {
        this.config = config;
    }

    /**
     * Runs over the rows of {@code base}, read-only; the connection is closed before returning. A
     * table with fewer than {@link GeneratedRows#FEW} rows gets rows generated, on a branch of
     * {@code base} that {@code scratch} makes and removes, and the check runs there.
     */
    public Outcome run(Branch base, Optional<Migration> model, ScratchBranches scratch) {
        if (model.isEmpty()) {
            return new Outcome(CheckResult.skipped(Check.ROUND_TRIP, "no catalog model for this version"), List.of());
        }
        List<Transition> transitions = Transition.of(model.get()).stream().filter(t -> !t.isRename()).toList();
        if (transitions.isEmpty()) {
            return new Outcome(CheckResult.skipped(Check.ROUND_TRIP, "reshapes no existing values"), List.of());
        }
        long start = System.nanoTime();
        List<Transition> sparse = new ArrayList<>();
        read(base, c -> {
            for (Transition t : transitions) {
                if (TableFacts.read(c, t.table()).isPresent() && GeneratedRows.count(c, t) < GeneratedRows.FEW) {
                    sparse.add(t);
                }
            }
        });
        if (sparse.isEmpty() || config.generatedRows() == 0) {
            return evaluate(base, transitions, Map.of(), start);
        }
        Branch rows = scratch.copy(base, "round-trip-rows");
        try {
            Map<Transition, GeneratedRows.Outcome> generated = new HashMap<>();
            Random random = new Random(config.seed());
            read(rows, c -> {
                for (Transition t : sparse) {
                    GeneratedRows.fill(c, t, TableFacts.read(c, t.table()).orElseThrow(), config.generatedRows(), random)
                            .ifPresent(g -> generated.put(t, g));
                }
            });
            return evaluate(rows, transitions, generated, start);
        } finally {
            scratch.delete(rows);
        }
    }

    private Outcome evaluate(Branch branch, List<Transition> transitions, Map<Transition, GeneratedRows.Outcome> generated,
            long start) {
        List<RoundTripFinding> findings = new ArrayList<>();
        List<String> details = new ArrayList<>();
        read(branch, c -> {
            for (Transition transition : transitions) {
                Optional<TableFacts> facts = TableFacts.read(c, transition.table());
                if (facts.isEmpty()) {
                    findings.add(new RoundTripFinding(transition.table().toString(), transition.law(), 0, 0, List.of()));
                    continue;
                }
                try {
                    findings.add(check(c, transition, facts.get(), generated.containsKey(transition)
                            ? generated.get(transition).keys().size() : 0));
                } catch (SQLException e) {
                    details.add(transition.title() + ": evaluating the expressions over the existing rows fails: "
                            + e.getMessage().strip().lines().findFirst().orElse(""));
                }
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long rows = findings.stream().mapToLong(RoundTripFinding::rows).sum();
        long made = findings.stream().mapToLong(RoundTripFinding::generated).sum();
        long failures = findings.stream().mapToLong(RoundTripFinding::failures).sum();
        for (RoundTripFinding f : findings) {
            if (!f.holds()) {
                details.add(f.table() + ": " + f.failures() + " of " + f.rows() + " rows break " + f.law()
                        + (f.nulled() > 0 ? "; in " + f.nulled() + " of them the new shape is NULL although the old"
                                + " one held a value" : ""));
                f.examples().forEach(e -> details.add("  " + e.key() + ": " + e.original() + " -> " + e.newShape()
                        + " -> " + e.roundTrip()));
            }
        }
        List<String> notes = generated.values().stream().map(g -> g.describe(config.seed())).toList();
        String counted = made == 0 ? rows + " existing rows"
                : rows + " rows (" + (rows - made) + " existing, " + made + " generated, seed " + config.seed() + ")";
        if (details.isEmpty() && rows == 0) {
            return new Outcome(CheckResult.notExercised(Check.ROUND_TRIP, took, "no row to round-trip: "
                    + (config.generatedRows() == 0 ? "the table is empty and generated rows are turned off"
                            : "the table is empty and refused every generated row"), notes), findings);
        }
        if (details.isEmpty()) {
            return new Outcome(CheckResult.passed(Check.ROUND_TRIP, took, "all " + counted + " round-trip", notes),
                    findings);
        }
        details.addAll(notes);
        String summary = failures > 0 ? failures + " of " + counted + " do not round-trip"
                : "the expressions cannot be evaluated over the existing rows";
        return new Outcome(CheckResult.failed(Check.ROUND_TRIP, took, summary, details), findings);
    }

    /** Work over one connection to {@code branch}. */
    private interface Reading {
        void read(Connection c) throws SQLException;
    }

    private static void read(Branch branch, Reading reading) {
        try (Connection c = branch.connect()) {
            c.setAutoCommit(true);
            reading.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read \"" + branch.name() + "\": " + e.getMessage(), e);
        }
    }

    private RoundTripFinding check(Connection c, Transition t, TableFacts facts, long generated) throws SQLException {
        RowSource source = new RowSource(t, facts);
        long rows;
        long failures;
        long nulled;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE "
                + source.broken() + "), count(*) FILTER (WHERE " + source.nulled() + ") FROM " + source.sql()
                + " AS graft_row")) {
            r.next();
            rows = r.getLong(1);
            failures = r.getLong(2);
            nulled = r.getLong(3);
        }
        List<RoundTripFinding.Example> examples = new ArrayList<>();
        if (failures > 0 && config.examples() > 0) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + source.keyText() + ", "
                    + source.oldText() + ", " + source.newText() + ", " + source.backText() + " FROM " + source.sql()
                    + " AS graft_row WHERE " + source.broken() + " ORDER BY " + source.keyOrder() + " LIMIT "
                    + config.examples())) {
                while (r.next()) {
                    examples.add(new RoundTripFinding.Example(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4)));
                }
            }
        }
        return new RoundTripFinding(t.table().toString(), t.law(), rows, failures, examples, generated, nulled);
    }

    /** The rows of the table with the old values, the new values computed from them, and the way back in scope. */
    private record RowSource(Transition t, TableFacts facts) {

        String sql() {
            List<String> forth = new ArrayList<>();
            facts.columns().keySet().forEach(c -> forth.add(SqlNames.quote(c)));
            if (facts.primaryKey().isEmpty()) {
                forth.add("ctid AS graft_ctid");
            }
            for (int i = 0; i < t.newColumns().size(); i++) {
                forth.add("CAST((" + t.forth().get(i) + ") AS " + newType(i) + ") AS graft_new_" + (i + 1));
            }
            List<String> scope = new ArrayList<>();
            List<String> key = facts.primaryKey();
            for (int i = 0; i < key.size(); i++) {
                scope.add(SqlNames.quote(key.get(i)) + " AS graft_k_" + (i + 1));
            }
            if (key.isEmpty()) {
                scope.add("graft_ctid AS graft_k_1");
            }
            for (int i = 0; i < t.oldColumns().size(); i++) {
                scope.add(SqlNames.quote(t.oldColumns().get(i)) + " AS graft_old_" + (i + 1));
            }
            for (int i = 0; i < t.newColumns().size(); i++) {
                scope.add("graft_new_" + (i + 1));
            }
            for (String column : facts.columns().keySet()) {
                if (!t.backScope().containsKey(column)) {
                    scope.add(SqlNames.quote(column));
                }
            }
            for (int i = 0; i < t.newColumns().size(); i++) {
                String name = t.newColumns().get(i);
                if (!facts.columns().containsKey(name) && !t.backScope().containsKey(name)) {
                    scope.add("graft_new_" + (i + 1) + " AS " + SqlNames.quote(name));
                }
            }
            t.backScope().forEach((name, actual) -> scope.add("graft_new_" + (t.newColumns().indexOf(actual) + 1)
                    + " AS " + SqlNames.quote(name)));
            return "(SELECT " + String.join(", ", scope) + " FROM (SELECT " + String.join(", ", forth) + " FROM "
                    + t.quotedTable() + ") AS graft_forth)";
        }

        private String newType(int i) {
            String column = facts.columns().containsKey(t.newColumns().get(i)) ? t.newColumns().get(i) : t.oldColumns().get(0);
            return t.newTypes().get(i).orElseGet(() -> facts.column(column).type());
        }

        /** The row does not come back, or its new shape lost the value the old one held. */
        String broken() {
            return "(" + old() + " IS DISTINCT FROM " + back() + " OR " + nulled() + ")";
        }

        /** The old shape held a value and the new shape is NULL: the value is lost, whatever comes back. */
        String nulled() {
            return "(NOT (" + old() + " IS NULL) AND " + row("graft_new_", t.newColumns().size()) + " IS NULL)";
        }

        private String old() {
            return row("graft_old_", t.oldColumns().size());
        }

        private String back() {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < t.oldColumns().size(); i++) {
                values.add("CAST((" + t.back().get(i) + ") AS " + facts.column(t.oldColumns().get(i)).type() + ")");
            }
            return "ROW(" + String.join(", ", values) + ")";
        }

        String oldText() {
            return old() + "::text";
        }

        String newText() {
            return row("graft_new_", t.newColumns().size()) + "::text";
        }

        String backText() {
            return back() + "::text";
        }

        String keyText() {
            List<String> key = facts.primaryKey();
            if (key.isEmpty()) {
                return "'ctid=' || graft_k_1::text";
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                parts.add(SqlNames.literal(key.get(i) + "=") + " || coalesce(graft_k_" + (i + 1) + "::text, 'NULL')");
            }
            return "concat_ws(', ', " + String.join(", ", parts) + ")";
        }

        String keyOrder() {
            int n = Math.max(1, facts.primaryKey().size());
            List<String> order = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                order.add("graft_k_" + i);
            }
            return String.join(", ", order);
        }

        private static String row(String prefix, int n) {
            List<String> fields = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                fields.add(prefix + i);
            }
            return "ROW(" + String.join(", ", fields) + ")";
        }
    }
}
