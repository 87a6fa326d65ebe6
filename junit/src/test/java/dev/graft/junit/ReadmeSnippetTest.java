package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example is {@link ReadmeExampleTest}, line for line. */
class ReadmeSnippetTest {

    @Test
    void theSnippetIsTheCodeOfTheExampleTest() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Testing with a database of your own"));
        int start = section.indexOf("```java") + "```java".length();
        String code = section.substring(start, section.indexOf("```", start)).strip();
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/graft/junit/ReadmeExampleTest.java"));
        String body = String.join("\n", source.subList(source.indexOf(source.stream()
                .filter(l -> l.startsWith("@GraftDatabase")).findFirst().orElseThrow()), source.size())).strip();
        assertThat(code).isEqualTo(body);
        assertThat(code.lines().count()).isLessThanOrEqualTo(10);
    }
}
