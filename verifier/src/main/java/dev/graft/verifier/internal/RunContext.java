package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.snapshot.DatabaseState;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;

/**
 * What every check of a run shares: the configuration, Flyway, the branch ledger and the pool
 * branches are worked on in.
 *
 * @param config the verifier's configuration
 * @param flyway stock Flyway over the request's locations
 * @param ledger the branches of this run
 * @param pool   where independent branches are worked on in parallel
 */
public record RunContext(VerifierConfig config, FlywayRunner flyway, BranchLedger ledger, ExecutorService pool) {

    /** Schema and data of a branch; the connection is closed again so the branch can be copied. */
    public DatabaseState state(Branch branch) {
        try (Connection c = branch.connect()) {
            return DatabaseState.read(c, config.excludedTables());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read branch \"" + branch.name() + "\": " + e.getMessage(), e);
        }
    }

    /** The schema of a branch only. */
    public SchemaSnapshot schema(Branch branch) {
        try (Connection c = branch.connect()) {
            return SchemaSnapshot.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read branch \"" + branch.name() + "\": " + e.getMessage(), e);
        }
    }
}
