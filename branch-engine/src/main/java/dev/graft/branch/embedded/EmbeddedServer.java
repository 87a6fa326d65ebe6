package dev.graft.branch.embedded;

import dev.graft.branch.BranchException;
import dev.graft.branch.template.CloneSupport;
import dev.graft.branch.template.ReflinkProbe;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running PostgreSQL per data directory and JVM, shared by every engine that asks for that
 * directory, and stopped when the JVM exits. A server left running by a JVM that was killed is
 * stopped before a new one starts on the same directory.
 */
final class EmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Map<Path, EmbeddedServer> RUNNING = new HashMap<>();

    private final EmbeddedPostgres postgres;
    private final CloneSupport cloneSupport;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, CloneSupport cloneSupport, Path dataDirectory) {
        this.postgres = postgres;
        this.cloneSupport = cloneSupport;
        this.dataDirectory = dataDirectory;
    }

    static synchronized EmbeddedServer acquire(EmbeddedConfig config) {
        EmbeddedServer running = RUNNING.get(config.dataDirectory());
        if (running != null) {
            return running;
        }
        EmbeddedServer started = start(config);
        RUNNING.put(config.dataDirectory(), started);
        return started;
    }

    private static EmbeddedServer start(EmbeddedConfig config) {
        Path directory = config.dataDirectory();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BranchException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        CloneSupport cloneSupport = ReflinkProbe.probe(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(config.startupWait())
                .setDataDirectoryCustomizer(EmbeddedServer::stopOrphanedPostmaster);
        config.effectiveSettings().forEach(builder::setServerConfig);
        if (config.port() > 0) {
            builder.setPort(config.port());
        }
        long begin = System.nanoTime();
        try {
            EmbeddedPostgres postgres = builder.start();
            LOG.info("embedded PostgreSQL on port {} with data in {} started in {} ms; {}", postgres.getPort(), directory,
                    (System.nanoTime() - begin) / 1_000_000, cloneSupport.detail());
            return new EmbeddedServer(postgres, cloneSupport, directory);
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("could not lock")) {
                throw new BranchException("the data directory " + directory + " is in use by another process; give each "
                        + "concurrently running JVM its own dataDirectory", e);
            }
            throw new BranchException("cannot start embedded PostgreSQL in " + directory + ": " + why, e);
        }
    }

    /**
     * Zonky calls this after it has locked the directory, so no live JVM owns it: a postmaster still
     * running there was left by a JVM that died, and must go before ours can start.
     */
    private static void stopOrphanedPostmaster(File directory) {
        Path pidFile = directory.toPath().resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("stopping PostgreSQL (pid {}) left running in {} by a process that died", process.pid(), directory);
        // SIGINT is PostgreSQL's fast shutdown: it ends the dead JVM's sessions instead of waiting for them
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the server now (instead of at JVM exit), for callers that own its directory, e.g. to unmount it. */
    static synchronized void stop(Path dataDirectory) {
        EmbeddedServer running = RUNNING.remove(dataDirectory);
        if (running != null) {
            try {
                running.postgres.close();
            } catch (IOException e) {
                throw new BranchException("cannot stop embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
            }
        }
    }

    int port() {
        return postgres.getPort();
    }

    CloneSupport cloneSupport() {
        return cloneSupport;
    }

    Path dataDirectory() {
        return dataDirectory;
    }
}
