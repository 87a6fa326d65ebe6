package dev.graft.branch.embedded;

import dev.graft.branch.BranchException;
import dev.graft.branch.template.CloneSupport;
import dev.graft.branch.template.ReflinkProbe;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server of a data directory whose lock this JVM holds, with initdb's output and the
 * server's log in the log file next to the directory instead of on the console; and checks that
 * a server another JVM announced really serves that directory.
 */
final class ServerStart {

    private static final Logger LOG = LoggerFactory.getLogger(ServerStart.class);
    private static final int LOG_TAIL_LINES = 15;
    private static final int ATTACH_LOGIN_TIMEOUT_SECONDS = 2;

    private ServerStart() {
    }

    static EmbeddedServer start(EmbeddedConfig config, DataDirectory data, FileChannel lock) {
        try {
            Optional<ServerInfo> lastOwner = ServerInfo.read(data.infoFile());
            data.requireMajorVersion(PostgresBinaries.majorVersion());
            data.clearLeftovers(lastOwner);
            Files.createDirectories(data.path());
            CloneSupport cloneSupport = ReflinkProbe.probe(data.path());
            ServerInfo info = launch(config, data, cloneSupport);
            info.write(data.infoFile());
            return new EmbeddedServer(data, info, lock);
        } catch (IOException | RuntimeException e) {
            try {
                lock.close();
            } catch (IOException ignored) {
                // closing the channel is what releases the lock; the JVM's exit does it too
            }
            if (e instanceof BranchException branch) {
                throw branch;
            }
            throw new BranchException("cannot start embedded PostgreSQL in " + data.path() + ": " + e.getMessage(), e);
        }
    }

    private static ServerInfo launch(EmbeddedConfig config, DataDirectory data, CloneSupport cloneSupport) throws IOException {
        Path log = data.logFile();
        Files.deleteIfExists(log);
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data.path())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog)
                .setPGStartupWait(config.startupWait());
        config.effectiveSettings().forEach(builder::setServerConfig);
        if (config.port() > 0) {
            builder.setPort(config.port());
        }
        LOG.debug("initdb's output and the server's log of {} go to {}", data.path(), log);
        long begin = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new BranchException("cannot start embedded PostgreSQL in " + data.path() + ": " + e.getMessage()
                    + logTail(log), e);
        }
        releaseZonkyLock(postgres, data);
        long postmaster = data.postmasterPid().orElseThrow(() -> new BranchException("embedded PostgreSQL in "
                + data.path() + " started but wrote no postmaster.pid" + logTail(log)));
        LOG.info("embedded PostgreSQL on port {} with data in {} started in {} ms; {}", postgres.getPort(), data.path(),
                (System.nanoTime() - begin) / 1_000_000, cloneSupport.detail());
        return new ServerInfo(postgres.getPort(), ProcessHandle.current().pid(), postmaster, cloneSupport);
    }

    /**
     * Graft's own lock next to the directory guards it; zonky's lock file inside it stays open for as
     * long as the {@code EmbeddedPostgres} object lives (its {@code close()}, which Graft does not
     * call, would also stop the server and log), and an open file keeps the directory's file system
     * busy: unmounting it fails. Closing the stream is what zonky's {@code close()} does with it.
     */
    private static void releaseZonkyLock(EmbeddedPostgres postgres, DataDirectory data) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("lockStream");
            field.setAccessible(true);
            if (field.get(postgres) instanceof Closeable stream) {
                stream.close();
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            LOG.debug("zonky's lock of {} stays open: {}", data.path(), e.toString());
        }
    }

    /** True when the announced server accepts connections and serves this very directory. */
    static boolean answers(ServerInfo info, DataDirectory data) {
        Properties login = new Properties();
        login.setProperty("user", EmbeddedEngine.SUPERUSER);
        login.setProperty("loginTimeout", Integer.toString(ATTACH_LOGIN_TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + info.port() + "/postgres", login);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory')")) {
            return rs.next() && Files.isSameFile(Path.of(rs.getString(1)), data.path());
        } catch (SQLException | IOException e) {
            return false;
        }
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return tail.isEmpty() ? "" : "; the end of " + log + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "";
        }
    }
}
