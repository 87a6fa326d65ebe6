package dev.graft.verifier;

import dev.graft.branch.BranchEngine;
import dev.graft.verifier.internal.VerificationRun;
import dev.graft.verifier.report.ReportWriter;
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

    private Verifier(BranchEngine engine, String parent, VerifierConfig config) {
        this.engine = engine;
        this.parent = parent;
        this.config = config;
    }

    /** A verifier making its branches with {@code engine}; the parent defaults to {@code main}. */
    public static Verifier on(BranchEngine engine) {
        return new Verifier(Objects.requireNonNull(engine, "engine == null"), "main", VerifierConfig.defaults());
    }

    /** The same verifier, branching from the database named {@code parent}. */
    public Verifier parent(String parent) {
        return new Verifier(engine, Objects.requireNonNull(parent, "parent == null"), config);
    }

    /** The same verifier with another configuration. */
    public Verifier config(VerifierConfig config) {
        return new Verifier(engine, parent, Objects.requireNonNull(config, "config == null"));
    }

    /**
     * Verifies every migration of {@code request} that the parent has not applied, in order, and
     * writes the reports (Markdown, JUnit XML, JSON) to the configured directory. Never throws
     * for a failing migration: read {@link VerificationReport#passed()}.
     */
    public VerificationReport verify(VerifyRequest request) {
        Objects.requireNonNull(request, "request == null");
        VerificationReport report = new VerificationRun(engine, parent, config, request).run();
        return config.reportDirectory().map(dir -> report.withReportFiles(ReportWriter.write(report, dir)))
                .orElse(report);
    }
}
