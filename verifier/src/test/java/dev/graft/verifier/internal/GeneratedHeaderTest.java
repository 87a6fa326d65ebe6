package dev.graft.verifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.verifier.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier's copy of the generator's content checksum, over the generator's real committed
 * output: every file of the inventory example counts as generated and unedited, and any edit of one
 * (of its body or of its header) makes it hand-edited, so it is linted.
 */
class GeneratedHeaderTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "inventory", "src", "main", "resources", "db",
            "migration").toAbsolutePath().normalize();

    private static List<Path> committed(String glob) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            return files.filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
                    .sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void everyCommittedGeneratedMigrationCountsAsGeneratedAndUnedited() throws IOException {
        List<Path> files = committed("*.sql");

        assertThat(files).extracting(f -> f.getFileName().toString()).contains("V1__create_inventory.sql",
                "V2__split_inventory_code.sql", "V8__city_varchar.sql");
        for (Path file : files) {
            assertThat(GeneratedHeader.origin(read(file))).as(file.getFileName().toString())
                    .isEqualTo(PendingMigration.Origin.GENERATED);
        }
    }

    @Test
    void theGeneratedFlywayConfigurationWithItsHashPrefixCountsAsGeneratedToo() throws IOException {
        assertThat(committed("*.sql.conf")).isNotEmpty().allSatisfy(file ->
                assertThat(GeneratedHeader.origin(read(file))).isEqualTo(PendingMigration.Origin.GENERATED));
    }

    @Test
    void anEditOfOneCharacterOfTheBodyMakesItHandEdited() throws IOException {
        String text = read(EXAMPLE.resolve("V2__split_inventory_code.sql"));
        String edited = text.replaceFirst("substr\\(", "substring(");

        assertThat(edited).isNotEqualTo(text);
        assertThat(GeneratedHeader.origin(edited)).isEqualTo(PendingMigration.Origin.EDITED);
        assertThat(GeneratedHeader.origin(text + "\n")).as("a line added at the end")
                .isEqualTo(PendingMigration.Origin.EDITED);
    }

    @Test
    void aHeaderWhoseChecksumOrContentLineIsChangedIsHandEdited() throws IOException {
        String text = read(EXAMPLE.resolve("V1__create_inventory.sql"));

        assertThat(GeneratedHeader.origin(text.replaceFirst("content: sha256:[0-9a-f]", "content: sha256:0")
                .replaceFirst("content: sha256:00", "content: sha256:01"))).isEqualTo(PendingMigration.Origin.EDITED);
        assertThat(GeneratedHeader.origin(text.replaceFirst("(?m)^-- content: .*\n", "")))
                .as("no content line").isEqualTo(PendingMigration.Origin.EDITED);
        assertThat(GeneratedHeader.origin(text.replaceFirst("(?m)^-- source: .*\n", "")))
                .as("no source line").isEqualTo(PendingMigration.Origin.EDITED);
        assertThat(GeneratedHeader.origin("-- generator: graft 0.1.0\nCREATE TABLE t (id int);\n"))
                .as("only the generator line").isEqualTo(PendingMigration.Origin.EDITED);
    }

    @Test
    void aFileWithoutTheGeneratorLineIsHandWritten() throws IOException {
        String text = read(EXAMPLE.resolve("V1__create_inventory.sql"));

        assertThat(GeneratedHeader.origin(text.replaceFirst("(?m)^-- generator: .*\n", "")))
                .isEqualTo(PendingMigration.Origin.HAND_WRITTEN);
        assertThat(GeneratedHeader.origin("CREATE TABLE t (id int);\n")).isEqualTo(PendingMigration.Origin.HAND_WRITTEN);
        assertThat(GeneratedHeader.origin("")).isEqualTo(PendingMigration.Origin.HAND_WRITTEN);
    }

    @Test
    void pendingMigrationsCarryTheirOrigin(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("V1__create_inventory.sql"), read(EXAMPLE.resolve("V1__create_inventory.sql")));
        Files.writeString(folder.resolve("V2__split_inventory_code.sql"),
                read(EXAMPLE.resolve("V2__split_inventory_code.sql")).replaceFirst("substr\\(", "substring("));
        Files.writeString(folder.resolve("V3__by_hand.sql"), "CREATE INDEX ON inventory (id);\n");

        try (Branch empty = TestEngine.root("generated-header", Seed.none())) {
            List<PendingMigration> pending = new FlywayRunner(List.of("filesystem:" + folder))
                    .pending(empty.dataSource(), Optional.empty());

            assertThat(pending).extracting(PendingMigration::version).containsExactly("1", "2", "3");
            assertThat(pending).extracting(PendingMigration::origin).containsExactly(PendingMigration.Origin.GENERATED,
                    PendingMigration.Origin.EDITED, PendingMigration.Origin.HAND_WRITTEN);
            assertThat(pending).extracting(PendingMigration::generated).containsExactly(true, false, false);
            assertThat(pending).extracting(PendingMigration::editedByHand).containsExactly(false, true, false);
        }
    }
}
