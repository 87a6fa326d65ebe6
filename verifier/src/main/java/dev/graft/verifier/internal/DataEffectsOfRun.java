package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.catalog.Migration;
import dev.graft.verifier.effects.DataEffects;
import dev.graft.verifier.effects.Violation;
import dev.graft.verifier.effects.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a migration's data effects on its clean run: the rows before, read from the base while
 * nothing copies it, and after, read from the clean run before its copies are made. A table that
 * cannot be read leaves the effects unmeasured; the checks go on.
 */
final class DataEffectsOfRun {

    private static final Logger LOG = LoggerFactory.getLogger(DataEffectsOfRun.class);

    private DataEffectsOfRun() {
    }

    static DataEffects.Before before(RunContext context, Branch base, Optional<Migration> model) {
        try {
            return context.read(base, c -> DataEffects.before(c, model));
        } catch (IllegalStateException e) {
            LOG.warn("graft: the rows before V{} cannot be read, so its data effects are not measured: {}",
                    model.map(m -> m.version().toString()).orElse("?"), e.getMessage());
            return DataEffects.Before.nothing();
        }
    }

    /**
     * The rows behind a failed apply, and the catalog fix, as one line; none when PostgreSQL's error
     * is not one of the usual violations. {@code clean} is the branch the migration failed on.
     */
    static List<String> violation(RunContext context, Branch clean, Throwable failure, String sql) {
        try {
            return context.read(clean, c -> Violations.explain(failure, c, sql)).map(Violation::line).stream().toList();
        } catch (IllegalStateException e) {
            LOG.debug("graft: the rows behind the failure cannot be read: {}", e.getMessage());
            return List.of();
        }
    }

    /** The failure's details: the violation's line first, then Flyway's message. */
    static List<String> withViolation(List<String> violation, String message) {
        List<String> details = new ArrayList<>(violation);
        details.add(message);
        return details;
    }

    static DataEffects measure(RunContext context, Branch clean, DataEffects.Before before) {
        if (before.tables().isEmpty()) {
            return DataEffects.none();
        }
        try {
            return context.read(clean, before::measure);
        } catch (IllegalStateException e) {
            LOG.warn("graft: the rows after the migration cannot be read, so its data effects are not measured: {}",
                    e.getMessage());
            return DataEffects.none();
        }
    }
}
