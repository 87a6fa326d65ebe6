package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.graft.verifier.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GitHub Actions example runs the command CI runs and posts the file the verifier writes. */
class WorkflowExampleTest {

    @Test
    void theWorkflowBuildsWithTheReadmesTestCommandAndPostsTheMarkdownReport() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("..", "examples", "github-actions", "graft-verify.yml").toFile());
        List<String> runs = new ArrayList<>();
        workflow.path("jobs").path("verify").path("steps").forEach(step -> runs.add(step.path("run").asText("")));

        String readme = Files.readString(Path.of("..", "README.md"));
        String ci = Files.readString(Path.of("..", ".ci", "run"));
        assertThat(runs).contains("mvn -B verify");
        assertThat(readme).contains("\nmvn -B verify\n");
        assertThat(ci).contains("\nmvn -B verify\n");
        assertThat(String.join("\n", runs)).contains("target/graft/" + ReportWriter.MARKDOWN);
        assertThat(workflow.path("permissions").path("pull-requests").asText()).isEqualTo("write");
    }
}
