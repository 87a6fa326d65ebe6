package dev.graft.branch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.embedded.EmbeddedEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's quick start, run as written; the test fails if the two drift apart. */
class ReadmeExampleTest {

    @Test
    void theReadmeQuickStartIsThisCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("## Quick start: a branch from Java\\s+```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("README has the quick start block").isTrue();
        String source = Files.readString(Path.of("src", "test", "java", "dev", "graft", "branch", "ReadmeExampleTest.java"));
        for (String line : block.group(1).strip().split("\n")) {
            assertThat(source).as("README line is in this test").contains(line.strip());
        }
    }

    @Test
    void theReadmeQuickStartRuns() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true));
        try {
            try (EmbeddedEngine engine = EmbeddedEngine.start();
                 Branch main = engine.create(BranchSpec.root("main").ifExists(IfExists.REPLACE)
                         .seed(Seed.sql("CREATE TABLE note (id int PRIMARY KEY, body text)")).build());
                 Branch mine = engine.create(BranchSpec.of("my-feature").parent("main").build())) {
                System.out.println(mine.jdbcUrl() + " copied by " + mine.copy());
            }
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString()).matches("(?s)jdbc:postgresql://localhost:\\d+/my-feature copied by (CLONE|FULL_COPY) in \\d+ ms.*");
    }
}
