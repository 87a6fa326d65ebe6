package dev.graft.branch.testcontainers;

import dev.graft.branch.template.CloneSupport;
import java.io.IOException;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * Finds out whether the container's data directory clones files copy-on-write. The engine cannot
 * see the container's disk, so the container is asked to make a reflink copy itself, as
 * {@code ReflinkProbe} does on a local disk: {@code CLONE} is reported only where that worked.
 */
final class ContainerCloneProbe {

    // $1 is the data directory; the file system's name goes to stdout, cp's complaint to stderr.
    private static final String SCRIPT = "f=\"$1/graft-reflink-probe\"; "
            + "head -c 65536 /dev/zero > \"$f\" && cp --reflink=always \"$f\" \"$f.clone\"; rc=$?; "
            + "rm -f \"$f\" \"$f.clone\"; stat -f -c %T \"$1\" 2>/dev/null || echo unknown; exit $rc";

    private ContainerCloneProbe() {
    }

    static CloneSupport probe(GenericContainer<?> container, String dataDirectory) {
        try {
            ExecResult result = container.execInContainer("sh", "-c", SCRIPT, "graft-reflink-probe", dataDirectory);
            String fileSystem = result.getStdout().isBlank() ? "unknown" : result.getStdout().trim();
            String where = fileSystem + " at " + dataDirectory + " in the container";
            if (result.getExitCode() == 0) {
                return new CloneSupport(true, fileSystem, "reflink clone works on " + where);
            }
            return CloneSupport.unsupported(fileSystem, where + " does not support reflink (" + result.getStderr().trim()
                    + "); files are copied in full");
        } catch (IOException | RuntimeException e) {
            // An image without sh or cp (distroless, say) still branches, by full copy.
            return CloneSupport.unsupported("unknown", "the reflink probe could not run in the container (" + e.getMessage()
                    + "); files are copied in full");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CloneSupport.unsupported("unknown", "the reflink probe in the container was interrupted");
        }
    }
}
