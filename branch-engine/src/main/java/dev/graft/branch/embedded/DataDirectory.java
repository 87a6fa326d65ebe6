package dev.graft.branch.embedded;

import dev.graft.branch.BranchException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's data directory and the files Graft keeps next to it ({@code postgres.lock},
 * {@code postgres.server}, {@code postgres.log} for {@code postgres}), and what is found in it
 * before a server starts: another major version's data, a live server, or one left by a run that
 * was killed.
 */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);
    /** zonky's own lock file in the directory, held by the JVM whose zonky started the server. */
    private static final String ZONKY_LOCK = "epg-lock";

    private final Path directory;

    DataDirectory(Path directory) {
        this.directory = directory;
    }

    Path path() {
        return directory;
    }

    Path lockFile() {
        return sibling(".lock");
    }

    Path infoFile() {
        return sibling(".server");
    }

    Path logFile() {
        return sibling(".log");
    }

    private Path sibling(String suffix) {
        return directory.resolveSibling(directory.getFileName() + suffix);
    }

    /**
     * The lock only the owner of the directory's server holds, or empty when another process (or
     * another class loader of this JVM) holds it.
     */
    Optional<FileChannel> tryLock() {
        try {
            Files.createDirectories(directory.getParent());
            FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return Optional.of(channel);
                }
            } catch (OverlappingFileLockException e) {
                // held in this JVM by a class loader with its own copy of Graft
            }
            channel.close();
            return Optional.empty();
        } catch (IOException e) {
            throw new BranchException("cannot lock " + lockFile() + ": " + e.getMessage(), e);
        }
    }

    /** Fails at once, saying what to do, when the directory holds data of another PostgreSQL major version. */
    void requireMajorVersion(Optional<Integer> expected) {
        Path versionFile = directory.resolve("PG_VERSION");
        if (expected.isEmpty() || !Files.isRegularFile(versionFile)) {
            return;
        }
        String found;
        try {
            found = Files.readString(versionFile).strip();
        } catch (IOException e) {
            return;
        }
        if (!found.equals(expected.get().toString())) {
            throw new BranchException("the data directory " + directory + " holds PostgreSQL " + found
                    + " data, but this Graft runs PostgreSQL " + expected.get() + ": delete " + directory
                    + " (it holds only branches and templates, made again on the next run) and run again");
        }
    }

    /**
     * Called with the owner's lock held, so no live Graft run uses the directory. A server still
     * running in it was left by a run that was killed, and is stopped; a {@code postmaster.pid}
     * of a process that is gone is removed. A live server that a live process outside Graft
     * started is not touched: that is an error naming it.
     */
    void clearLeftovers(Optional<ServerInfo> lastOwner) {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid();
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> live = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (live.isEmpty()) {
            LOG.debug("removing {} of PostgreSQL pid {}, which is no longer running", pidFile, pid.get());
            deleteQuietly(pidFile);
            return;
        }
        boolean leftByGraft = lastOwner.map(info -> info.postmasterPid() == pid.get()).orElse(false);
        if (!leftByGraft && zonkyLockHeld()) {
            throw new BranchException("the data directory " + directory + " is in use by a PostgreSQL server (pid "
                    + pid.get() + ") of another running program: stop that program, or give this run its own"
                    + " graft.dataDirectory");
        }
        LOG.warn("stopping PostgreSQL (pid {}) left running in {} by a run that was killed", pid.get(), directory);
        stopPostmaster(live.get());
    }

    /** The pid in the directory's {@code postmaster.pid}, if there is one. */
    Optional<Long> postmasterPid() {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Fast shutdown (SIGINT: ends open sessions instead of waiting for them), then a kill when it
     * does not finish in time.
     */
    static void stopPostmaster(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor();
            postmaster.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    /**
     * Unlinks zonky's lock file once the server is stopped, so a later start in this JVM locks a
     * new file instead of colliding with the lock zonky still holds on the old one.
     */
    void forgetZonkyLock() {
        deleteQuietly(directory.resolve(ZONKY_LOCK));
    }

    /** True when a live process that did not use Graft's lock (an older Graft, zonky itself) holds zonky's lock. */
    private boolean zonkyLockHeld() {
        Path lock = directory.resolve(ZONKY_LOCK);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // what is left is checked again by the next start
        }
    }
}
