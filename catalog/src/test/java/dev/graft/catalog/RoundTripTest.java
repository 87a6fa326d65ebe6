package dev.graft.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Reading what the writer wrote gives the same model, for generated catalogs. */
class RoundTripTest {

    private static final List<String> TYPES = List.of("text", "bigint", "integer", "varchar(6)", "numeric(10,2)",
            "timestamp with time zone", "boolean");

    @Property(tries = 60)
    void yamlToModelToYamlIsIdentity(@ForAll("catalogs") List<String> files) throws IOException {
        Path first = Files.createTempDirectory("graft-roundtrip-a");
        Path second = Files.createTempDirectory("graft-roundtrip-b");
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(first.resolve("V" + (i + 1) + "__step.yaml"), files.get(i));
        }
        Catalog read = Catalog.read(first);
        for (Migration m : read.migrations()) {
            CatalogWriter.write(m, second.resolve(m.fileName()));
        }
        Catalog reread = Catalog.read(second);

        assertThat(reread.migrations()).hasSameSizeAs(read.migrations());
        for (int i = 0; i < read.migrations().size(); i++) {
            Migration a = read.migrations().get(i);
            Migration b = reread.migrations().get(i);
            assertThat(b.refactorings()).usingRecursiveComparison().ignoringFieldsOfTypes(Location.class)
                    .isEqualTo(a.refactorings());
            assertThat(b.description()).isEqualTo(a.description());
            assertThat(CatalogWriter.toYaml(b)).isEqualTo(CatalogWriter.toYaml(a));
        }
    }

    @Provide
    Arbitrary<List<String>> catalogs() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .map(s -> "c_" + s);
        Arbitrary<List<String>> columns = name.list().ofMinSize(2).ofMaxSize(5).uniqueElements();
        Arbitrary<String> type = Arbitraries.of(TYPES);
        Arbitrary<String> text = Arbitraries.strings().withChars("abc 'O\"\\:#{}-,").ofMaxLength(12);
        return Combinators.combine(columns, type.list().ofSize(5), text, Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 100_000)).as(RoundTripTest::catalog);
    }

    private static List<String> catalog(List<String> columns, List<String> types, String text, boolean nullable,
            int batch) {
        StringBuilder create = new StringBuilder("description: " + quoted(text)
                + "\nrefactorings:\n  - create_table:\n      table: t\n      columns:\n"
                + "        - { name: id, type: bigint, nullable: false }\n");
        for (int i = 0; i < columns.size(); i++) {
            create.append("        - name: ").append(columns.get(i)).append("\n          type: \"")
                    .append(types.get(i)).append("\"\n          nullable: ").append(nullable || i > 0)
                    .append("\n          comment: ").append(quoted(text)).append("\n");
        }
        create.append("      primary_key: [id]\n");
        String a = columns.get(0);
        String b = columns.get(1);
        List<String> files = new ArrayList<>();
        files.add(create.toString());
        files.add("refactorings:\n"
                + "  - split_column:\n      table: t\n      column: " + a + "\n      into:\n"
                + "        - { name: " + a + "_x, type: text, from: \"substr(" + a + "::text, 1, 2)\" }\n"
                + "        - { name: " + a + "_y, type: text, from: \"substr(" + a + "::text, 3)\" }\n"
                + "      combine: \"" + a + "_x || " + a + "_y\"\n      backfill: { batch_size: " + batch + " }\n"
                + "  - rename_column: { table: t, from: " + b + ", to: " + b + "_new, on_conflict: prefer_old }\n"
                + "  - insert_data:\n      table: t\n      rows:\n        - { id: " + batch + ", " + b
                + ": " + value(types.get(1), text, batch) + " }\n");
        files.add("refactorings:\n  - complete: \"2\"\n  - create_index: { table: t, columns: [id], unique: true }\n"
                + "  - sql:\n      up: |\n        SELECT 1;\n        SELECT '" + batch + "';\n");
        return files;
    }

    /** A value of {@code type} as YAML: the generated text where the type is textual. */
    private static String value(String type, String text, int batch) {
        return switch (type) {
            case "bigint", "integer" -> String.valueOf(batch);
            case "numeric(10,2)" -> batch + ".25";
            case "boolean" -> batch % 2 == 0 ? "true" : "false";
            case "timestamp with time zone" -> "\"2024-03-01 12:00:00+00\"";
            case "varchar(6)" -> quoted(text.substring(0, Math.min(6, text.length())));
            default -> quoted(text);
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
