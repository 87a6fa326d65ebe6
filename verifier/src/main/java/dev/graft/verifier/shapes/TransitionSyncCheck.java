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
 * counted apart so the summary keeps saying how many whole-shape writes there were.
 */
public final class TransitionSyncCheck {

    private static final int SHOWN = 10;

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
        if (transitions.isEmpty()) {
            return CheckResult.skipped(Check.TRANSITION_SYNC, "opens no transition with two synced shapes");
        }
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> partFailures = new ArrayList<>();
        int writes = 0;
        int partWrites = 0;
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
                    failures.add(transition.title() + ": during the transition, columns " + missing
                            + " do not exist: both shapes must be there");
                    continue;
                }
                SyncWrites writer = new SyncWrites(c, transition, facts.get());
                for (SyncWrites.Direction direction : SyncWrites.Direction.values()) {
                    List<String> columns = writer.written(direction);
                    List<List<Optional<String>>> perColumn = new ArrayList<>();
                    for (String column : columns) {
                        perColumn.add(SampleValues.of(facts.get().column(column), config.generatedRows(), random));
                    }
                    List<List<Optional<String>>> samples = samples(perColumn);
                    if (oldShapeIsRequired(facts.get(), transition)) {
                        // NULL in a NOT NULL shape is refused by the table in both shapes alike: not a sync failure
                        samples = samples.stream().filter(s -> s.stream().allMatch(Optional::isPresent)).toList();
                    }
                    List<PartWrites.Part> parts = PartWrites.of(facts.get(), transition, columns, perColumn, samples);
                    List<SyncWrites.Path> paths = writer.paths(direction);
                    for (SyncWrites.Path path : paths) {
                        for (List<Optional<String>> sample : samples) {
                            writes++;
                            writer.write(direction, path, sample).ifPresent(f -> failures.add(transition.title() + ": " + f));
                        }
                    }
                    for (SyncWrites.Path path : paths) {
                        for (PartWrites.Part part : parts) {
                            if (path == SyncWrites.Path.INSERT && !part.insertable()) {
                                continue;
                            }
                            partWrites++;
                            writer.write(direction, path, part.columns(), part.values())
                                    .ifPresent(f -> partFailures.add(transition.title() + ": " + f));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use \"" + branch.name() + "\": " + e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String partly = partWrites + " write" + (partWrites == 1 ? "" : "s") + " of part of a shape";
        if (failures.isEmpty() && partFailures.isEmpty()) {
            return CheckResult.passed(Check.TRANSITION_SYNC, took, writes + " writes through either shape, "
                    + "including NULL, empty, unicode and maximum-length values, kept both shapes in sync"
                    + (partWrites > 0 ? "; so did " + partly + " (one column alone, or one column NULL)" : ""));
        }
        String summary;
        if (partFailures.isEmpty()) {
            summary = failures.size() + " of " + writes + " writes left the shapes out of sync"
                    + (partWrites > 0 ? "; all " + partly + " kept them in sync" : "");
        } else if (failures.isEmpty()) {
            summary = partFailures.size() + " of " + partly + " (one column alone, or one column NULL) left the"
                    + " shapes out of sync; all " + writes + " writes of whole shapes kept them in sync";
        } else {
            summary = failures.size() + " of " + writes + " writes left the shapes out of sync; so did "
                    + partFailures.size() + " of " + partly;
        }
        List<String> all = new ArrayList<>(failures);
        all.addAll(partFailures);
        List<String> shown = new ArrayList<>(all.subList(0, Math.min(SHOWN, all.size())));
        if (all.size() > SHOWN) {
            shown.add("... and " + (all.size() - SHOWN) + " more");
        }
        return CheckResult.failed(Check.TRANSITION_SYNC, took, summary, shown);
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
