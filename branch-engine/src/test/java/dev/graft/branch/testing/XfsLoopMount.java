package dev.graft.branch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A scratch XFS file system with {@code reflink=1}, made in an image file and loop-mounted, so
 * copy-on-write branching can be tested and measured on machines whose own disk cannot clone.
 * Needs root and {@code mkfs.xfs} (Debian: {@code xfsprogs}); {@link #unavailableReason()} says
 * which is missing.
 */
public final class XfsLoopMount implements AutoCloseable {

    private final Path image;
    private final Path mountPoint;

    private XfsLoopMount(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Why a loop mount cannot be made here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("mounting a loop device needs root (running as " + System.getProperty("user.name") + ")");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/mkfs.xfs")) && !Files.isExecutable(Path.of("/sbin/mkfs.xfs"))) {
            return Optional.of("mkfs.xfs is not installed (apt-get install xfsprogs)");
        }
        if (!Files.exists(Path.of("/dev/loop-control"))) {
            return Optional.of("this machine has no loop devices (/dev/loop-control)");
        }
        return Optional.empty();
    }

    /** Makes an image of {@code sizeBytes} in {@code workDirectory} and mounts it at {@code workDirectory/mnt}. */
    public static XfsLoopMount create(Path workDirectory, long sizeBytes) throws IOException {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        Files.createDirectories(workDirectory);
        Path image = workDirectory.resolve("xfs.img");
        Path mountPoint = workDirectory.resolve("mnt");
        if (Files.exists(mountPoint) && isMounted(mountPoint)) {
            run("umount", mountPoint.toString());
        }
        Files.deleteIfExists(image);
        Files.createDirectories(mountPoint);
        run("truncate", "-s", Long.toString(sizeBytes), image.toString());
        run("mkfs.xfs", "-q", "-f", "-m", "reflink=1", image.toString());
        run("mount", "-o", "loop", image.toString(), mountPoint.toString());
        return new XfsLoopMount(image, mountPoint);
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /** Bytes in use on the file system, after flushing it, so that delayed allocation is counted. */
    public long usedBytes() throws IOException {
        run("sync", "-f", mountPoint.toString());
        var store = Files.getFileStore(mountPoint);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    @Override
    public void close() throws IOException {
        run("umount", mountPoint.toString());
        Files.deleteIfExists(image);
    }

    private static boolean isMounted(Path mountPoint) throws IOException {
        return Files.readAllLines(Path.of("/proc/mounts")).stream()
                .anyMatch(line -> line.split(" ")[1].equals(mountPoint.toAbsolutePath().toString()));
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
