package dev.graft.maven;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.io.File;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates, lists, resets and deletes branches, printing their JDBC coordinates:
 * {@code mvn graft:branch -Dgraft.branch=pr-42 -Dgraft.parent=main}. The embedded server lives
 * as long as Maven does; add {@code -Dgraft.serve} to keep it (and the branch) reachable until Ctrl-C.
 * A missing parent is made first, from graft.parentSeed when given.
 */
@Mojo(name = "branch", requiresProject = false, threadSafe = true)
public class BranchMojo extends EngineMojo {

    /** create (default), list, reset or delete. */
    @Parameter(property = "graft.action", defaultValue = "create")
    String action;

    /** The branch name. */
    @Parameter(property = "graft.branch")
    String branch;

    /** The database to branch from. */
    @Parameter(property = "graft.parent", defaultValue = "main")
    String parent;

    /**
     * A SQL file (e.g. pg_dump output) that makes the parent when the engine does not have it, as
     * graft:verify makes it; the parent is then named after the seed's content.
     */
    @Parameter(property = "graft.parentSeed")
    File parentSeed;

    /** How long the branch may live, as 90m, 8h, 2d or an ISO-8601 duration. */
    @Parameter(property = "graft.ttl", defaultValue = "24h")
    String ttl;

    /** Keep the embedded server running until Maven is interrupted. */
    @Parameter(property = "graft.serve", defaultValue = "false")
    boolean serve;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("branch")) {
            return;
        }
        BranchEngine engine = openEngine();
        try {
            switch (action.toLowerCase(Locale.ROOT)) {
                case "create" -> print(engine.create(BranchSpec.of(required())
                        .parent(ParentMojo.ensureParent(engine, parent, parentSeed, getLog())).ttl(duration(ttl))
                        .ifExists(IfExists.REUSE).build()));
                case "reset" -> print(engine.reset(required()));
                case "delete" -> getLog().info(engine.delete(required())
                        ? "deleted branch \"" + branch + "\"" : "no branch \"" + branch + "\" to delete");
                case "list" -> {
                    for (BranchInfo info : engine.list()) {
                        getLog().info(describe(info));
                    }
                }
                default -> throw GoalFailure.setUp("unknown graft.action \"" + action
                        + "\"; choose create, list, reset or delete");
            }
            if (serve) {
                getLog().info("serving until Maven is interrupted (Ctrl-C)");
                new CountDownLatch(1).await();
            }
        } catch (BranchException e) {
            throw GoalFailure.setUp(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (engine instanceof EmbeddedEngine embedded) {
                embedded.stopServer();
            } else {
                engine.close();
            }
        }
    }

    private String required() throws MojoExecutionException {
        if (branch == null || branch.isBlank()) {
            throw GoalFailure.setUp("name the branch: -Dgraft.branch=<name>");
        }
        return branch;
    }

    private void print(Branch made) throws MojoExecutionException {
        getLog().info(describe(made.info()));
        getLog().info("  jdbc url: " + made.jdbcUrl());
        getLog().info("  user:     " + made.user());
        if (!serve && "embedded".equals(engineSettings().kind())) {
            getLog().info("  (the embedded server stops when Maven exits; add -Dgraft.serve to keep it running)");
        }
    }

    /** The branch, its parent named as the user knows it ("main", not the seeded database main_<hash>). */
    private String describe(BranchInfo info) throws MojoExecutionException {
        String seeded = ParentMojo.parentName(parent, parentSeed);
        String name = info.name().equals(seeded) ? parent : info.name();
        return "branch \"" + name + "\" of " + info.parent().map(p -> "\"" + (p.equals(seeded) ? parent : p) + "\"")
                .orElse("(root)")
                + ", created " + info.createdAt() + info.expiresAt().map(e -> ", expires " + e).orElse("")
                + ", " + info.copy();
    }

    static Duration duration(String text) throws MojoExecutionException {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.matches("\\d+[smhd]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw GoalFailure.setUp("graft.ttl \"" + text + "\" is not a duration; write 90m, 8h, 2d or PT8H");
        }
    }
}
