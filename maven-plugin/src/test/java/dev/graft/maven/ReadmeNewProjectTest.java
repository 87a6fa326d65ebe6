package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md's "A new project" is the invoker test {@code src/it/readme-new-project}, file for file:
 * each block marked {@code <!-- new-project: path -->} is that file of the test, byte for byte, with
 * the test's {@code @project.version@} as the version this build makes; and the test's
 * {@code pom.xml} and {@code src/} hold no file the README does not show. So the project a user
 * copies from the README is the one the integration test builds.
 */
class ReadmeNewProjectTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- new-project: (\\S+) -->\\n```\\w*\\n(.*?)```\\n",
            Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("<plugin>.*?<version>([^<]+)</version>", Pattern.DOTALL);
    private static final Path PROJECT = Path.of("src", "it", "readme-new-project");

    @Test
    void theReadmesNewProjectIsTheIntegrationTestsProject() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Map<String, String> blocks = blocks(readme);
        assertThat(blocks).containsKeys("pom.xml", "src/main/graft/V1__create_note.yaml",
                "src/test/java/com/example/NoteTest.java");
        String version = version();
        assertThat(readme).as("the README's full coordinates name this version")
                .contains("dev.graft:graft-maven-plugin:" + version + ":help");
        assertThat(differences(blocks, PROJECT, version)).isEmpty();
    }

    @Test
    void anEditOnEitherSideIsNamed(@org.junit.jupiter.api.io.TempDir Path copy) throws IOException {
        Map<String, String> blocks = Map.of("pom.xml", "<version>1.2</version>\n", "src/A.java", "class A {}\n");
        Files.createDirectories(copy.resolve("src"));
        Files.writeString(copy.resolve("pom.xml"), "<version>@project.version@</version>\n");
        Files.writeString(copy.resolve("src/A.java"), "class A {}\n");
        assertThat(differences(blocks, copy, "1.2")).isEmpty();

        Files.writeString(copy.resolve("src/A.java"), "class A { }\n");
        Files.writeString(copy.resolve("src/B.java"), "class B {}\n");
        assertThat(differences(blocks, copy, "1.3")).containsExactlyInAnyOrder(
                "pom.xml differs from the README's block", "src/A.java differs from the README's block",
                "src/B.java is not in the README");
        assertThatThrownBy(() -> differences(Map.of("src/C.java", ""), copy, "1.2"))
                .hasMessageContaining("src/C.java");
    }

    /** The marked blocks of the README, by the path they stand for. */
    static Map<String, String> blocks(String readme) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    /** How the project differs from the blocks; {@code @project.version@} in it stands for {@code version}. */
    static List<String> differences(Map<String, String> blocks, Path project, String version) throws IOException {
        List<String> differences = new java.util.ArrayList<>();
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            String file = Files.readString(project.resolve(block.getKey()), StandardCharsets.UTF_8)
                    .replace("@project.version@", version);
            if (!file.equals(block.getValue())) {
                differences.add(block.getKey() + " differs from the README's block");
            }
        }
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            files.filter(Files::isRegularFile).map(f -> project.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !blocks.containsKey(f)).sorted()
                    .forEach(f -> differences.add(f + " is not in the README"));
        }
        return differences;
    }

    /** The version this build makes, as the generated plugin descriptor says. */
    private static String version() throws IOException {
        Path descriptor = Path.of(System.getProperty("graft.build.dir", "target"), "classes", "META-INF", "maven",
                "plugin.xml");
        Matcher m = VERSION.matcher(Files.readString(descriptor, StandardCharsets.UTF_8));
        assertThat(m.find()).as("a version in " + descriptor).isTrue();
        return m.group(1);
    }
}
