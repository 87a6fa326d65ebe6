package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.snapshot.TableWrites;
import dev.graft.verifier.snapshot.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
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

    /** Something read from a database over one connection. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Connection connection) throws SQLException;
    }

    /** Reads from a branch; the connection is closed again so the branch can be copied. */
    public <T> T read(Branch branch, Reader<T> reader) {
        try (Connection c = branch.connect()) {
            return reader.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read branch \"" + branch.name() + "\": " + e.getMessage(), e);
        }
    }

    /** The schema of a branch. */
    public SchemaSnapshot schema(Branch branch) {
        return read(branch, SchemaSnapshot::read);
    }

    /** The file and write count of each table of a branch: what later writes are told apart from. */
    public Map<String, UserTable> marks(Branch branch) {
        return read(branch, TableWrites::marks);
    }

    /** The tables of {@code branch} that may have changed since the marks were taken (see {@link TableWrites}). */
    public Set<String> written(Branch branch, Map<String, UserTable> marks) {
        return read(branch, c -> TableWrites.since(c, marks));
    }
}
