package dev.graft.catalog.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.CatalogException;
import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Problem;
import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline captured from a real PostgreSQL 18, written, read back, used by the catalog and compared for drift. */
class BaselineDatabaseTest {

    private static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TABLE artist (artist_id int NOT NULL, name varchar(120), CONSTRAINT artist_pkey PRIMARY KEY (artist_id));
            CREATE TABLE album (
              album_id int GENERATED ALWAYS AS IDENTITY CONSTRAINT album_pk PRIMARY KEY,
              title varchar(160) NOT NULL DEFAULT 'untitled',
              artist_id int NOT NULL CONSTRAINT album_artist_fk REFERENCES artist (artist_id) ON DELETE CASCADE,
              title_length int GENERATED ALWAYS AS (length(title)) STORED,
              feeling mood,
              CONSTRAINT album_title_key UNIQUE (title),
              CONSTRAINT album_title_check CHECK (title <> '')
            );
            CREATE INDEX album_artist_idx ON album (artist_id) WHERE artist_id > 0;
            CREATE INDEX album_lower_title_idx ON album (lower(title));
            COMMENT ON TABLE album IS 'Records, one per release';
            COMMENT ON COLUMN album.title IS 'As printed on the sleeve';
            CREATE VIEW album_titles AS SELECT album_id, title FROM album;
            CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY);
            """;

    private static EmbeddedEngine engine;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.start(EmbeddedConfig.builder()
                .dataDirectory(Path.of(System.getProperty("graft.build.dir", "target-catalog"), "graft", "postgres"))
                .build());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static Baseline capture(String name, String extra) throws SQLException {
        try (Branch branch = engine.create(BranchSpec.root(name).seed(Seed.sql(SCHEMA + extra)).build());
                Connection connection = branch.connect()) {
            return Baseline.capture(connection);
        }
    }

    @Test
    void capturesEveryKindOfObjectAndReadsBackWhatItWrote(@TempDir Path dir) throws Exception {
        Baseline captured = capture("baseline_capture", "");
        TableView album = captured.schema().table(TableName.of("album")).orElseThrow();
        assertThat(album.column("album_id").orElseThrow().identity()).contains("always");
        ColumnView length = album.column("title_length").orElseThrow();
        assertThat(length.generated()).contains("length((title)::text)");
        assertThat(length.defaultValue()).isEmpty();
        assertThat(album.column("feeling").orElseThrow().type()).isEqualTo("mood");
        assertThat(captured.primaryKeyNames()).containsEntry(TableName.of("album"), "album_pk");
        assertThat(captured.enums()).containsExactly(new EnumType(TableName.of("mood"), List.of("sad", "ok", "happy")));
        assertThat(captured.comment(TableName.of("album"), Optional.of("title"))).contains("As printed on the sleeve");
        assertThat(captured.schema().view(TableName.of("album_titles"))).isPresent();
        assertThat(captured.schema().table(TableName.of("flyway_schema_history"))).isEmpty();

        Path file = dir.resolve(Baseline.FILE_NAME);
        captured.write(file);
        Baseline read = Baseline.read(file, Baseline.FILE_NAME);
        assertThat(read).isEqualTo(captured);
        assertThat(read.toYaml()).isEqualTo(Files.readString(file));
        assertThat(capture("baseline_capture_again", "").toYaml()).isEqualTo(captured.toYaml());
        assertThat(Files.readString(file)).contains("name: \"public.album\"", "identity: \"always\"",
                "comment: \"Records, one per release\"", "references: \"public.artist\"", "on_delete: \"cascade\"");
    }

    @Test
    void theCatalogReadsOverItsBaseline(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__title_not_null.yaml"), """
                refactorings:
                  - rename_column:
                      table: album
                      from: title
                      to: album_title
                """);
        assertThatThrownBy(() -> Catalog.read(dir)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("GRAFT-C101");
        capture("baseline_for_catalog", "").write(dir.resolve(Baseline.FILE_NAME));
        Catalog catalog = Catalog.read(dir);
        assertThat(catalog.migrations()).hasSize(1);
        TableView before = catalog.schemaBefore(catalog.migrations().get(0)).table(TableName.of("album")).orElseThrow();
        assertThat(before.primaryKey()).containsExactly("album_id");
        assertThat(Catalog.firstVersion(dir).orElseThrow()).hasToString("1");
    }

    @Test
    void driftNamesEachChangedColumnAndAnUnchangedParentHasNone() throws Exception {
        Baseline committed = capture("baseline_committed", "");
        assertThat(committed.differencesFrom(capture("baseline_same", ""))).isEmpty();
        Baseline drifted = capture("baseline_drifted", """
                ALTER TABLE artist ALTER COLUMN name TYPE varchar(200);
                ALTER TABLE album ALTER COLUMN feeling SET NOT NULL;
                ALTER TABLE artist ADD COLUMN country text;
                DROP INDEX album_lower_title_idx;
                DROP INDEX album_artist_idx;
                CREATE INDEX album_artist_idx ON album (artist_id);
                COMMENT ON TABLE album IS 'Releases';
                """);
        assertThat(committed.differencesFrom(drifted)).containsExactlyInAnyOrder(
                "public.artist.name: type is character varying(120) in baseline.yaml, character varying(200) on the parent",
                "public.album.feeling: nullable is true in baseline.yaml, false on the parent",
                "column public.artist.country: on the parent, missing in baseline.yaml",
                "index public.album.album_lower_title_idx: in baseline.yaml, missing on the parent",
                "public.album.album_artist_idx: definition is [artist_id] where (artist_id > 0) in baseline.yaml,"
                        + " [artist_id] on the parent",
                "public.album: comment is Records, one per release in baseline.yaml, Releases on the parent");
    }

    @Test
    void aBrokenBaselineIsReportedAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        writeAlbumBaseline(dir, "maybe");
        assertThatThrownBy(() -> Catalog.read(dir)).isInstanceOfSatisfying(CatalogException.class, e ->
                assertThat(e.problems()).extracting(Problem::toString).singleElement().asString()
                        .contains("baseline.yaml:6:", "nullable", "GRAFT-C010"));
        writeAlbumBaseline(dir, "false");
        assertThat(Catalog.read(dir).migrations()).isEmpty();
    }

    private static void writeAlbumBaseline(Path dir, String nullable) throws java.io.IOException {
        Files.writeString(dir.resolve(Baseline.FILE_NAME), """
                tables:
                  - name: "public.album"
                    columns:
                      - name: "album_id"
                        type: "integer"
                        nullable: %s
                """.formatted(nullable));
    }
}
