package dev.graft.verifier.shapes;

import dev.graft.branch.Branch;
import dev.graft.catalog.Migration;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.VerifierConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Check 4: on a branch where the migration's expand has run, writes through the old shape appear
 * in the new one and writes through the new shape appear in the old one. Each write is a real
 * {@code INSERT} (where the table allows one) or {@code UPDATE}, through the transition triggers;
 * the row they leave is compared, in PostgreSQL, with the catalog's expressions applied to what was
 * written. Values: edge cases and jqwik-generated ones for each column's type, written to the whole
 * shape; then, for a shape of several columns, a few writes of part of it ({@link PartWrites}),
 * counted apart so the summary keeps saying how many whole-shape writes there were; then each
 * column alone on rows put back to before the backfill ({@link UnbackfilledWrites}). A table with
 * few rows first gets rows generated ({@link GeneratedRows}). Every draw comes from the configured
 * seed, which the summary prints: the same seed writes the same values. {@link SyncTally} says
 * what the outcomes mean.
 */
public final class TransitionSyncCheck {

    private final VerifierConfig config;

    public TransitionSyncCheck(VerifierConfig config) {
        this.config = config;
    }

    /** Runs on {@code branch}, which it writes to: give it a branch of its own. */
    public CheckResult run(Branch branch, Optional<Migration> model) {
        if (model.isEmpty()) {
            return CheckResult.skipped(Check.TRANSITION_SYNC, "no catalog model for this version");
        }
        List<Transition> transitions = Transition.of(model.get());
        List<TableSplit> splits = TableSplit.of(model.get());
        if (transitions.isEmpty() && splits.isEmpty()) {
            return CheckResult.skipped(Check.TRANSITION_SYNC, "opens no transition with two synced shapes");
        }
        long start = System.nanoTime();
        SyncTally tally = new SyncTally();
        Random random = new Random(config.seed());
        try (Connection c = branch.connect()) {
            c.setAutoCommit(true);
            for (Transition transition : transitions) {
                Optional<TableFacts> facts = TableFacts.read(c, transition.table());
                List<String> missing = new ArrayList<>();
                transition.oldColumns().stream().filter(col -> facts.isEmpty() || !facts.get().columns().containsKey(col))
                        .forEach(missing::add);
                transition.newColumns().stream().filter(col -> facts.isEmpty() || !facts.get().columns().containsKey(col))
                        .forEach(missing::add);
                if (!missing.isEmpty()) {
                    tally.problem(transition.title() + ": during the transition, columns " + missing
                            + " do not exist: both shapes must be there");
                    continue;
                }
                GeneratedRows.fill(c, transition, facts.get(), config.generatedRows(), random)
                        .ifPresent(g -> tally.note(transition.title() + ": " + g.describe(config.seed())
                                + ", written through the old shape"));
                write(c, transition, facts.get(), random, tally);
            }
            for (TableSplit split : splits) {
                TableSplitSync.run(c, split, config.generatedRows(), random, tally);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use \"" + branch.name() + "\": " + e.getMessage(), e);
        }
        return tally.result(Duration.ofNanos(System.nanoTime() - start), config.seed());
    }

    /** Every write of one transition, both directions, counted into {@code tally}. */
    private void write(Connection c, Transition transition, TableFacts facts, Random random, SyncTally tally)
            throws SQLException {
        SyncWrites writer = new SyncWrites(c, transition, facts);
        String title = transition.title();
        for (SyncWrites.Direction direction : SyncWrites.Direction.values()) {
            List<String> columns = writer.written(direction);
            List<List<Optional<String>>> perColumn = new ArrayList<>();
            for (String column : columns) {
                perColumn.add(SampleValues.of(facts.column(column), config.generatedRows(), random));
            }
            List<List<Optional<String>>> samples = samples(perColumn);
            if (oldShapeIsRequired(facts, transition)) {
                // NULL in a NOT NULL shape is refused by the table in both shapes alike: not a sync failure
                samples = samples.stream().filter(s -> s.stream().allMatch(Optional::isPresent)).toList();
            }
            List<PartWrites.Part> parts = PartWrites.of(facts, transition, columns, perColumn, samples);
            List<SyncWrites.Path> paths = writer.paths(direction);
            for (SyncWrites.Path path : paths) {
                for (List<Optional<String>> sample : samples) {
                    tally.add(SyncTally.Writes.WHOLE, title, writer.write(direction, path, sample));
                }
            }
            for (SyncWrites.Path path : paths) {
                for (PartWrites.Part part : parts) {
                    if (path == SyncWrites.Path.INSERT && !part.insertable()) {
                        continue;
                    }
                    tally.add(SyncTally.Writes.PART, title, writer.write(direction, path, part.columns(), part.values(),
                            Optional.empty()));
                }
            }
            // each column of the shape alone, on each row put back to before the backfill; chosen after the
            // writes above, which change the first rows
            List<UnbackfilledWrites.Row> unbackfilled = UnbackfilledWrites.apply(transition, facts)
                    ? UnbackfilledWrites.rows(c, transition, facts) : List.of();
            for (int j = 0; j < columns.size(); j++) {
                List<Optional<String>> values = perColumn.get(j).stream().filter(Optional::isPresent).toList();
                for (int r = 0; r < unbackfilled.size() && !values.isEmpty(); r++) {
                    UnbackfilledWrites.Row row = unbackfilled.get(r);
                    Optional<String> refused = UnbackfilledWrites.reset(c, transition, facts, row);
                    if (refused.isPresent()) {
                        tally.note(title + ": no row can be put back to before the backfill (" + refused.get()
                                + "): " + direction.words() + " writes on such rows left out");
                        unbackfilled = List.of();
                        break;
                    }
                    tally.add(SyncTally.Writes.UNBACKFILLED, title, writer.write(direction, SyncWrites.Path.UPDATE,
                            List.of(columns.get(j)), List.of(values.get((r + j) % values.size())), Optional.of(row.key())));
                }
            }
        }
    }

    private static boolean oldShapeIsRequired(TableFacts facts, Transition transition) {
        return transition.oldColumns().stream().map(facts::column).anyMatch(c -> c != null && c.required());
    }

    /** One value per column in each sample; column by column edge cases, then generated rows. */
    private static List<List<Optional<String>>> samples(List<List<Optional<String>>> perColumn) {
        int n = perColumn.stream().mapToInt(List::size).max().orElse(0);
        List<List<Optional<String>>> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Optional<String>> sample = new ArrayList<>();
            for (List<Optional<String>> values : perColumn) {
                // Columns with fewer candidates (booleans) cycle; the first sample is all NULL.
                sample.add(values.get(i % values.size()));
            }
            samples.add(sample);
        }
        return samples;
    }
}
