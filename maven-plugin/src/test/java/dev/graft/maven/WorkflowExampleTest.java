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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The GitHub Actions examples: the verify workflow runs the command CI runs and posts the file the
 * verifier writes; the deploy workflow uses only goals and properties the plugin has.
 */
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

    @Test
    void theDeployWorkflowProvesOnPullRequestsAndMigratesStagingThenProductionWithTheProof() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("..", "examples", "github-actions", "graft-deploy.yml").toFile());
        JsonNode jobs = workflow.path("jobs");
        assertThat(jobs.path("staging").path("environment").asText()).isEqualTo("staging");
        assertThat(jobs.path("production").path("environment").asText()).isEqualTo("production");
        assertThat(jobs.path("production").path("needs").asText()).isEqualTo("staging");
        assertThat(runs(jobs.path("verify"))).contains("mvn -B verify");
        assertThat(String.join("\n", runs(jobs.path("staging"))))
                .contains("graft:migrate -Dgraft.target=staging -Dgraft.proof=proof/graft-verify.json");
        assertThat(String.join("\n", runs(jobs.path("production")))).contains("-Dgraft.target=production");

        Document descriptor = descriptor();
        List<String> unknown = new ArrayList<>();
        for (String job : List.of("verify", "staging", "production")) {
            for (String run : runs(jobs.path(job))) {
                Matcher goal = Pattern.compile("graft:([a-z-]+)").matcher(run);
                while (goal.find()) {
                    Set<String> properties = properties(descriptor, goal.group(1));
                    if (properties == null) {
                        unknown.add("goal graft:" + goal.group(1));
                        continue;
                    }
                    Matcher property = Pattern.compile("-D(graft\\.[A-Za-z.]+)=").matcher(run);
                    while (property.find()) {
                        if (!properties.contains(property.group(1))) {
                            unknown.add(goal.group(1) + " -D" + property.group(1));
                        }
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    private static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> runs.add(step.path("run").asText("")));
        return runs;
    }

    private static Document descriptor() throws Exception {
        Path file = Path.of(System.getProperty("graft.build.dir", "target"), "classes", "META-INF", "maven", "plugin.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The graft.* user properties of a goal, or null when the plugin has no such goal. */
    private static Set<String> properties(Document descriptor, String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (mojo.getElementsByTagName("goal").item(0).getTextContent().trim().equals(goal)) {
                Set<String> properties = new TreeSet<>();
                Pattern expression = Pattern.compile("\\$\\{(graft\\.[A-Za-z.]+)}");
                Matcher m = expression.matcher(mojo.getTextContent());
                while (m.find()) {
                    properties.add(m.group(1));
                }
                return properties;
            }
        }
        return null;
    }
}
