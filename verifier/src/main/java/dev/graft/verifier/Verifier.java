package dev.graft.verifier;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchSpec;
import dev.graft.verifier.internal.FlywayRunner;
import dev.graft.verifier.internal.PendingMigration;
import dev.graft.verifier.internal.VerificationRun;
import dev.graft.verifier.report.ReportWriter;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Proves pending migrations on branches of a parent database before they ship: each applies with
 * stock Flyway, a second run changes nothing, every interrupted prefix converges, transition
 * triggers keep both shapes in sync, existing rows round-trip, and contracts leave nothing of the
 * old shape. Immutable; {@link #verify} may be called any number of times.
 *
 * <pre>{@code
 * VerificationReport report = Verifier.on(engine).parent("main")
 *         .config(VerifierConfig.builder().parallelism(4).build())
 *         .verify(VerifyRequest.builder().location(Path.of("src/main/resources/db/migration"))
 *                 .catalog(Catalog.read(Path.of("src/main/graft"))).build());
 * if (!report.passed()) {
 *     report.failures().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class Verifier {

    private final BranchEngine engine;
    private final String parent;
    private final VerifierConfig config;

    private final String parentShownAs;

    private Verifier(BranchEngine engine, String parent, VerifierConfig config) {
        this(engine, parent, config, parent);
    }

    private Verifier(BranchEngine engine, String parent, VerifierConfig config, String parentShownAs) {
        this.engine = engine;
        this.parent = parent;
        this.parentShownAs = parentShownAs;
        this.config = config;
    }

    /** A verifier making its branches with {@code engine}; the parent defaults to {@code main}. */
    public static Verifier on(BranchEngine engine) {
        return new Verifier(Objects.requireNonNull(engine, "engine == null"), "main", VerifierConfig.defaults());
    }

    /**
     * The same verifier, whose reports name the parent {@code name}: the name the user knows, such
     * as {@code main}, where the database is {@code main_<hash of its seed>}.
     */
    public Verifier parentShownAs(String name) {
        return new Verifier(engine, parent, config, Objects.requireNonNull(name, "name == null"));
    }

    /** The same verifier, branching from the database named {@code parent}. */
    public Verifier parent(String parent) {
        return new Verifier(engine, Objects.requireNonNull(parent, "parent == null"), config);
    }

    /** The same verifier with another configuration. */
    public Verifier config(VerifierConfig config) {
        return new Verifier(engine, parent, Objects.requireNonNull(config, "config == null"), parentShownAs);
    }

    /**
     * The schema change the pending migrations of {@code request} make: the parent against a branch
     * of it with them applied (the branch is deleted afterwards).
     */
    public SchemaDiff diff(VerifyRequest request) {
        Objects.requireNonNull(request, "request == null");
        String name = config.branchPrefix() + "diff-" + Long.toHexString(System.nanoTime());
        try (Branch branch = engine.create(BranchSpec.of(name).parent(parent).build())) {
            FlywayRunner flyway = new FlywayRunner(request.allFlywayLocations(), request.classLoader());
            SchemaSnapshot before = snapshot(branch);
            List<PendingMigration> pending = flyway.pending(branch.dataSource(), request.catalog());
            if (!pending.isEmpty()) {
                flyway.migrate(branch.dataSource(), pending.get(pending.size() - 1).version());
            }
            // Flyway's own history table is bookkeeping, not the schema the migrations change
            return before.diff(snapshot(branch)).without(o -> o.name().contains("flyway_schema_history"));
        }
    }

    /** The schema difference between two existing databases of the engine, {@code from} to {@code to}. */
    public SchemaDiff diff(String from, String to) {
        // handles of existing databases: not closed, since closing a branch deletes it
        Branch a = engine.get(from).orElseThrow(() -> missing(from));
        Branch b = engine.get(to).orElseThrow(() -> missing(to));
        return snapshot(a).diff(snapshot(b));
    }

    private BranchException missing(String name) {
        return new BranchException("the " + engine.kind() + " engine has no database \"" + name + "\"");
    }

    private static SchemaSnapshot snapshot(Branch branch) {
        try (Connection connection = branch.connect()) {
            return SchemaSnapshot.read(connection);
        } catch (SQLException e) {
            throw new BranchException("cannot read the schema of \"" + branch.name() + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Verifies every migration of {@code request} that the parent has not applied, in order, and
     * writes the reports (Markdown, JUnit XML, JSON) to the configured directory. Never throws
     * for a failing migration: read {@link VerificationReport#passed()}.
     */
    public VerificationReport verify(VerifyRequest request) {
        Objects.requireNonNull(request, "request == null");
        VerificationReport report = new VerificationRun(engine, parent, config, request).run().withParent(parentShownAs);
        return config.reportDirectory().map(dir -> report.withReportFiles(ReportWriter.write(report, dir)))
                .orElse(report);
    }
}
