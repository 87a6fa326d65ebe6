package dev.graft.verifier.deploy;

import dev.graft.verifier.internal.FlywayRunner;
import dev.graft.verifier.internal.PendingMigration;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@link ProvenStart} of a verification, read where it begins. */
public final class ProofStarts {

    private ProofStarts() {
    }

    /** The parent's applied version and schema, and the content hash of each pending migration. */
    public static ProvenStart of(FlywayRunner flyway, DataSource parent, SchemaSnapshot schema,
            List<PendingMigration> pending, ClassLoader loader) {
        Optional<String> version = Optional.ofNullable(flyway.configuration(parent).load().info().current())
                .filter(i -> i.getVersion() != null).map(i -> i.getVersion().getVersion());
        Map<String, String> hashes = new LinkedHashMap<>();
        pending.forEach(m -> hashes.put(m.version(), ContentHash.of(m.file(), m.script(), loader)));
        return new ProvenStart(version, schema, hashes);
    }
}
