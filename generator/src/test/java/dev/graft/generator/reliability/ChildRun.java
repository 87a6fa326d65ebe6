package dev.graft.generator.reliability;

import dev.graft.branch.Branch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link MigratingChild} in a JVM of its own (this JVM's java and test class path), its output read as it comes. */
final class ChildRun {

    static final String APPLICATION = "graft-crash-child";

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch migrating = new CountDownLatch(1);
    private volatile boolean migrated;

    private ChildRun(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "crash-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildRun start(Branch branch, Path migrations) throws IOException {
        String url = branch.jdbcUrl() + (branch.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MigratingChild.class.getName(), url, branch.user(), branch.password(), migrations.toString());
        return new ChildRun(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                if (line.equals("MIGRATING")) {
                    migrating.countDown();
                } else if (line.equals("MIGRATED")) {
                    migrated = true;
                }
            }
        } catch (IOException e) {
            output.append("(output lost: ").append(e.getMessage()).append(")\n");
        }
    }

    /** Waits until Flyway is about to migrate; false when the child ended or hung first. */
    boolean awaitMigrating() throws InterruptedException {
        return migrating.await(60, TimeUnit.SECONDS);
    }

    boolean migrated() {
        return migrated;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        waitFor();
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child did not end; it printed:\n" + output);
        }
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }
}
