package dev.graft.branch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/** A test's main class run in a JVM of its own on this one's class path, until it prints its ready line. */
record ChildJvm(Process process, String readyLine) {

    static ChildJvm start(Class<?> main, String readyPrefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(readyPrefix)) {
            output.append(line).append('\n');
        }
        assertThat(line).as("the child JVM got ready; it printed:%n%s", output).startsWith(readyPrefix);
        return new ChildJvm(process, line);
    }
}
