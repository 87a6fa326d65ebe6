package dev.graft.maven;

import java.io.File;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;

/**
 * The parent's properties as given with {@code -D} on the command line. Maven lets a POM's
 * {@code <configuration>} win over them; for the parent the command line wins, so that one run can
 * name another parent, or drop the POM's seed with an empty {@code -Dgraft.parentSeed=}.
 *
 * @param parent  {@code graft.parent}, if given and not blank
 * @param seedGiven {@code graft.parentSeed} as given: an empty string when given empty (no seed)
 * @param basedir the project's folder, against which a relative seed is resolved
 */
record CommandLineParent(Optional<String> parent, Optional<String> seedGiven, File basedir) {

    static final String PARENT = "graft.parent";
    static final String SEED = "graft.parentSeed";

    /** What the session's user properties say; nothing without a session (a mojo built by hand). */
    static CommandLineParent of(MavenSession session) {
        if (session == null) {
            return new CommandLineParent(Optional.empty(), Optional.empty(), null);
        }
        Properties user = session.getUserProperties();
        File basedir = session.getCurrentProject() == null ? null : session.getCurrentProject().getBasedir();
        return new CommandLineParent(Optional.ofNullable(user.getProperty(PARENT)).map(String::strip)
                .filter(p -> !p.isEmpty()), Optional.ofNullable(user.getProperty(SEED)).map(String::strip), basedir);
    }

    /** The seed to use: the command line's (none when empty), or else {@code configured}. */
    File seed(File configured) {
        if (seedGiven.isEmpty()) {
            return configured;
        }
        String given = seedGiven.get();
        if (given.isEmpty()) {
            return null;
        }
        File file = new File(given);
        return file.isAbsolute() || basedir == null ? file : new File(basedir, given);
    }
}
