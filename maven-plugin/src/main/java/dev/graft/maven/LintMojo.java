package dev.graft.maven;

import dev.graft.catalog.Migration;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.LintRule;
import dev.graft.verifier.lint.Linter;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lints the catalog's hand-written SQL migrations: non-idempotent statements and lock hazards, with rewrites. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public class LintMojo extends CatalogMojo {

    /** Fail the build on findings of this severity or worse: error (default), warning, or never. */
    @Parameter(property = "graft.lint.failOn", defaultValue = "error")
    String failOn;

    @Override
    public void execute() throws MojoFailureException {
        List<LintFinding> findings = new ArrayList<>();
        for (Migration migration : readCatalog().migrations()) {
            migration.sql().ifPresent(sql -> findings.addAll(Linter.lint(migration.fileName(), sql)));
        }
        findings.forEach(f -> {
            String line = f + f.suggestion().map(s -> "\n    rewrite: " + s).orElse("");
            if (f.rule().severity() == LintRule.Severity.ERROR) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        });
        long errors = findings.stream().filter(f -> f.rule().severity() == LintRule.Severity.ERROR).count();
        boolean fail = switch (failOn) {
            case "never" -> false;
            case "warning" -> !findings.isEmpty();
            case "error" -> errors > 0;
            default -> throw new MojoFailureException("graft.lint.failOn is \"" + failOn + "\"; choose error, warning or never");
        };
        getLog().info("graft: lint found " + errors + " error(s) and " + (findings.size() - errors) + " warning(s)");
        if (fail) {
            throw new MojoFailureException("graft: lint found problems in hand-written migrations (graft.lint.failOn = "
                    + failOn + ")");
        }
    }
}
