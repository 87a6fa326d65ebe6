package dev.graft.branch.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.BranchEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Testcontainers is an optional dependency: users of the other engines do not have it, so no class
 * outside this package may refer to it (a class that did would fail to load for them).
 */
class OptionalDependencyTest {

    @Test
    void onlyTheTestcontainersPackageRefersToTestcontainers() throws IOException, URISyntaxException {
        Path classes = Path.of(BranchEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path own = classes.resolve("dev/graft/branch/testcontainers");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(f -> f.toString().endsWith(".class") && !f.startsWith(own))
                    .filter(OptionalDependencyTest::refersToTestcontainers)
                    .map(f -> classes.relativize(f).toString())
                    .toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(own.resolve("ContainerEngine.class")).exists();
    }

    @Test
    void thePreflightLooksForTheCleanUpImageThatTestcontainersStarts() throws IOException {
        try (var in = org.testcontainers.DockerClientFactory.class.getResourceAsStream("utility/RyukContainer.class")) {
            assertThat(in).as("Testcontainers' RyukContainer class").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).contains(DockerPreflight.RYUK_IMAGE);
        }
    }

    private static boolean refersToTestcontainers(Path classFile) {
        try {
            // Class names in the constant pool are plain modified UTF-8, so a byte search finds them.
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("org/testcontainers/");
        } catch (IOException e) {
            throw new IllegalStateException(classFile.toString(), e);
        }
    }
}
