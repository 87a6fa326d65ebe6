package dev.graft.branch.embedded;

import dev.graft.branch.BranchException;
import dev.graft.branch.template.CloneSupport;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running PostgreSQL per data directory, shared by every engine and every JVM of the project
 * that asks for that directory. The first JVM starts it ({@link ServerStart}), holds the lock next
 * to the directory and stops the server when it exits; the others attach to it over TCP, found
 * through the server-info file next to the directory. A server left by a run that was killed is
 * stopped by the next run, which then starts its own: nobody waits on a dead owner.
 */
final class EmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration ATTACH_POLL = Duration.ofMillis(100);
    private static final Map<Path, EmbeddedServer> RUNNING = new HashMap<>();

    private final DataDirectory data;
    private final ServerInfo info;
    /** Held while this JVM owns the server; null when attached to another JVM's. */
    private final FileChannel ownerLock;
    private Thread shutdownHook;

    EmbeddedServer(DataDirectory data, ServerInfo info, FileChannel ownerLock) {
        this.data = data;
        this.info = info;
        this.ownerLock = ownerLock;
    }

    static synchronized EmbeddedServer acquire(EmbeddedConfig config) {
        EmbeddedServer known = RUNNING.get(config.dataDirectory());
        if (known != null && known.usable()) {
            return known;
        }
        EmbeddedServer server = obtain(config, new DataDirectory(config.dataDirectory()));
        RUNNING.put(config.dataDirectory(), server);
        return server;
    }

    /**
     * Becomes the owner when the lock is free, else attaches to the owner's server, waiting while
     * a live owner is still starting it; an owner that dies meanwhile frees the lock, and this
     * JVM becomes the owner at once.
     */
    private static EmbeddedServer obtain(EmbeddedConfig config, DataDirectory data) {
        long deadline = System.nanoTime() + config.startupWait().toNanos();
        while (true) {
            Optional<FileChannel> lock = data.tryLock();
            if (lock.isPresent()) {
                EmbeddedServer started = ServerStart.start(config, data, lock.get());
                started.stopAtExit();
                return started;
            }
            Optional<ServerInfo> info = ServerInfo.read(data.infoFile()).filter(ServerInfo::ownerAlive);
            if (info.isPresent() && ServerStart.answers(info.get(), data)) {
                LOG.info("embedded PostgreSQL on port {} with data in {}: attached to the server of process {}",
                        info.get().port(), data.path(), info.get().ownerPid());
                return new EmbeddedServer(data, info.get(), null);
            }
            if (System.nanoTime() > deadline) {
                throw new BranchException("the data directory " + data.path() + " is locked by another run"
                        + info.map(i -> " (process " + i.ownerPid() + ")").orElse("") + " whose server did not answer within "
                        + config.startupWait().toSeconds() + " s: stop that run, or give this one its own graft.dataDirectory");
            }
            try {
                Thread.sleep(ATTACH_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BranchException("interrupted while waiting for the server of " + data.path(), e);
            }
        }
    }

    /** An attached server is usable while its owner lives; an owned one until it is stopped. */
    private boolean usable() {
        return ownerLock != null || info.ownerAlive();
    }

    private void stopAtExit() {
        shutdownHook = new Thread(this::shutDown, "graft-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Stops the server now (instead of at JVM exit), for callers that own its directory, e.g. to
     * unmount it. A JVM attached to another's server only lets go of it.
     */
    static synchronized void stop(Path dataDirectory) {
        EmbeddedServer running = RUNNING.remove(dataDirectory);
        if (running == null || running.ownerLock == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(running.shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook stops the server
            return;
        }
        running.shutDown();
    }

    private void shutDown() {
        ProcessHandle.of(info.postmasterPid()).ifPresent(DataDirectory::stopPostmaster);
        data.forgetZonkyLock();
        Path infoFile = data.infoFile();
        try {
            Files.deleteIfExists(infoFile);
            ownerLock.close();
        } catch (IOException e) {
            LOG.debug("could not clean up {}: {}", infoFile, e.getMessage());
        }
    }

    int port() {
        return info.port();
    }

    CloneSupport cloneSupport() {
        return info.cloneSupport();
    }

    Path dataDirectory() {
        return data.path();
    }
}
