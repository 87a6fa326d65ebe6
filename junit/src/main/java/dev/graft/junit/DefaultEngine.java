package dev.graft.junit;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The engine {@link GraftDatabase} uses unless told otherwise: embedded PostgreSQL with its data
 * in {@code target/graft/postgres}, or in the directory named by the system property
 * {@value #DATA_DIRECTORY_PROPERTY}. The data directory outlives the JVM, and with it the
 * templates, so an unchanged template is reused by the next run.
 */
public final class DefaultEngine implements Supplier<BranchEngine> {

    /** The system property naming the embedded server's data directory. */
    public static final String DATA_DIRECTORY_PROPERTY = "graft.dataDirectory";

    @Override
    public BranchEngine get() {
        String directory = System.getProperty(DATA_DIRECTORY_PROPERTY);
        Path data = directory == null || directory.isBlank() ? EmbeddedConfig.DEFAULT_DATA_DIRECTORY : Path.of(directory);
        return EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
    }
}
