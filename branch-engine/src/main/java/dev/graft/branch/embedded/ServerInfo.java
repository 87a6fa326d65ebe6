package dev.graft.branch.embedded;

import dev.graft.branch.BranchException;
import dev.graft.branch.template.CloneSupport;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the JVM that started a data directory's server tells other JVMs of the same project, in a
 * small file next to the directory: where to connect, and which processes to check for life.
 *
 * @param port the server's TCP port on localhost
 * @param ownerPid the JVM that started the server and stops it when it exits
 * @param postmasterPid the server's main process
 * @param cloneSupport what the owner's reflink probe of the directory found
 */
record ServerInfo(int port, long ownerPid, long postmasterPid, CloneSupport cloneSupport) {

    boolean ownerAlive() {
        return ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Written whole or not at all: a reader never sees half a file. */
    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("owner.pid", Long.toString(ownerPid));
        properties.setProperty("postmaster.pid", Long.toString(postmasterPid));
        properties.setProperty("clone.observed", Boolean.toString(cloneSupport.observed()));
        properties.setProperty("clone.fileSystem", cloneSupport.fileSystem());
        properties.setProperty("clone.detail", cloneSupport.detail());
        Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "the Graft embedded server of this data directory; removed when it stops");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BranchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<ServerInfo> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new ServerInfo(Integer.parseInt(properties.getProperty("port")),
                    Long.parseLong(properties.getProperty("owner.pid")), Long.parseLong(properties.getProperty("postmaster.pid")),
                    new CloneSupport(Boolean.parseBoolean(properties.getProperty("clone.observed")),
                            properties.getProperty("clone.fileSystem", "unknown"), properties.getProperty("clone.detail", ""))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
