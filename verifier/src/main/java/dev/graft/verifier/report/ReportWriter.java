package dev.graft.verifier.report;

import dev.graft.verifier.VerificationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the three report files into one directory: {@code graft-verify.md},
 * {@code TEST-graft-verify.xml} and {@code graft-verify.json}.
 */
public final class ReportWriter {

    public static final String MARKDOWN = "graft-verify.md";
    public static final String JUNIT = "TEST-graft-verify.xml";
    public static final String JSON = "graft-verify.json";

    private ReportWriter() {
    }

    /**
     * Writes every report file, replacing earlier ones.
     *
     * @return the files written
     * @throws UncheckedIOException if the directory cannot be written
     */
    public static List<Path> write(VerificationReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            Path markdown = directory.resolve(MARKDOWN);
            Path junit = directory.resolve(JUNIT);
            Path json = directory.resolve(JSON);
            Files.writeString(markdown, MarkdownReport.render(report), StandardCharsets.UTF_8);
            Files.writeString(junit, JunitReport.render(report), StandardCharsets.UTF_8);
            Files.writeString(json, JsonReport.render(report), StandardCharsets.UTF_8);
            return List.of(markdown, junit, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + directory, e);
        }
    }
}
