package dev.graft.branch.template;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Finds out, once, whether a directory's file system really clones files copy-on-write, by asking
 * {@code cp} for a reflink copy of a probe file (it refuses where the file system cannot). We say
 * {@code CLONE} only where this succeeded: never from the file system's name alone.
 */
public final class ReflinkProbe {

    private ReflinkProbe() {
    }

    public static CloneSupport probe(Path directory) {
        String fileSystem = fileSystem(directory);
        Path source = directory.resolve("graft-reflink-probe");
        Path copy = directory.resolve("graft-reflink-probe.clone");
        try {
            Files.write(source, new byte[64 * 1024]);
            List<String> command = isMac() ? List.of("cp", "-c", source.toString(), copy.toString())
                    : List.of("cp", "--reflink=always", source.toString(), copy.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return CloneSupport.unsupported(fileSystem, "the reflink probe did not finish on " + fileSystem);
            }
            if (process.exitValue() == 0) {
                return new CloneSupport(true, fileSystem, "reflink clone works on " + fileSystem + " at " + directory);
            }
            return CloneSupport.unsupported(fileSystem, fileSystem + " at " + directory
                    + " does not support reflink (" + output + "); files are copied in full");
        } catch (IOException e) {
            return CloneSupport.unsupported(fileSystem, "the reflink probe could not run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CloneSupport.unsupported(fileSystem, "the reflink probe was interrupted");
        } finally {
            deleteQuietly(source);
            deleteQuietly(copy);
        }
    }

    private static String fileSystem(Path directory) {
        try {
            FileStore store = Files.getFileStore(directory);
            return store.type();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static boolean isMac() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover probe file is harmless
        }
    }
}
