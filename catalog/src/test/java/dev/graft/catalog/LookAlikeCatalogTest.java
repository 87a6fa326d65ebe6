package dev.graft.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other direction of every rejection: a folder per valid catalog under lookalike/ that
 * resembles a bad case (a comment marker inside a literal, columns named like aggregates, a
 * string a bigint can read) and must be read without a problem or warning.
 */
class LookAlikeCatalogTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(LookAlikeCatalogTest.class.getResource("/lookalike").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isReadWithoutProblems(String name) throws Exception {
        Catalog catalog = Catalog.read(root().resolve(name));

        assertThat(catalog.migrations()).isNotEmpty();
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void transitionCompletedByALaterMigrationIsClosed() throws Exception {
        Catalog catalog = Catalog.read(root().resolve("complete_of_accepted_transition"));

        assertThat(catalog.openTransitions()).isEmpty();
        assertThat(catalog.schemaAfter(catalog.migrations().get(2)).table(
                dev.graft.catalog.refactoring.TableName.of("inventory")).orElseThrow().columnNames())
                .containsExactly("id", "inventory_code", "unit_price");
    }

    @Test
    void byteOrderMarkAndFourByteCharactersSurvive() throws Exception {
        Catalog catalog = Catalog.read(root().resolve("utf8_text_and_bom"));

        var update = (dev.graft.catalog.refactoring.UpdateData) catalog.migrations().get(0).refactorings().get(1);
        assertThat(update.set().get("inventory_code").sql()).isEqualTo("'Z\u00fcrich \uD83D\uDE00 \u00e9'");
    }
}
