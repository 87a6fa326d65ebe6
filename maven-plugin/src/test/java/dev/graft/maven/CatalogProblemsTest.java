package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog's errors and warnings are counted apart in the failure, and each is logged at its own level. */
class CatalogProblemsTest {

    /** The lines a goal logged, by level. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }
    }

    private static final String UNFOLLOWED = "refactorings:\n  - sql:\n      up: |\n"
            + "        DO $$ BEGIN EXECUTE 'CREATE TABLE t (id int)'; END $$;\n";

    @Test
    void errorsAndWarningsAreCountedApartAndLoggedAtTheirLevels(@TempDir Path catalog) throws Exception {
        Files.writeString(catalog.resolve("V1__do.yaml"), UNFOLLOWED);
        Files.writeString(catalog.resolve("V2__bad.yaml"), "refactorings:\n  - rename_column: { table: t }\n");
        RecordingLog log = new RecordingLog();
        CheckMojo check = check(catalog, log);
        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("has 2 error(s) and 1 warning(s):")
                .hasMessageNotContaining("GRAFT-C301");
        assertThat(log.warnings).singleElement().asString().contains("V1__do.yaml", "GRAFT-C301");
        assertThat(log.errors).hasSize(2).allMatch(e -> e.startsWith("V2__bad.yaml") && e.contains("GRAFT-C011"));
    }

    @Test
    void warningsAloneDoNotFailTheBuild(@TempDir Path catalog) throws Exception {
        Files.writeString(catalog.resolve("V1__do.yaml"), UNFOLLOWED);
        RecordingLog log = new RecordingLog();
        check(catalog, log).readCatalog();
        assertThat(log.warnings).singleElement().asString().contains("GRAFT-C301");
        assertThat(log.errors).isEmpty();
    }

    private static CheckMojo check(Path catalog, RecordingLog log) {
        CheckMojo check = new CheckMojo();
        check.setLog(log);
        check.catalogDirectory = catalog.toFile();
        check.sqlOutput = catalog.resolve("out").toFile();
        check.javaOutput = catalog.resolve("java").toFile();
        check.javaPackage = "db.migration";
        check.batchSize = 1000;
        return check;
    }
}
