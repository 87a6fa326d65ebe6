package dev.graft.branch.template;

import java.util.Objects;

/**
 * Whether a server's data directory was observed to support copy-on-write clones.
 *
 * @param observed true only where a probe really cloned a file
 * @param fileSystem the file system's type, such as {@code xfs} or {@code ext4}, or {@code unknown}
 * @param detail what the probe saw, for reports
 */
public record CloneSupport(boolean observed, String fileSystem, String detail) {
    public CloneSupport {
        Objects.requireNonNull(fileSystem, "fileSystem == null");
        Objects.requireNonNull(detail, "detail == null");
    }

    public static CloneSupport unsupported(String fileSystem, String detail) {
        return new CloneSupport(false, fileSystem, detail);
    }
}
