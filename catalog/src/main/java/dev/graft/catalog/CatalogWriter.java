package dev.graft.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RefactoringTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a catalog migration back to YAML in the catalog format: reading what it writes gives
 * the same refactorings. Strings are always quoted, so every value reads back as written.
 *
 * <pre>{@code
 * String yaml = CatalogWriter.toYaml(migration);
 * }</pre>
 */
public final class CatalogWriter {

    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private CatalogWriter() { }

    /** The YAML text of a catalog (not SQL) migration. */
    public static String toYaml(Migration migration) {
        if (migration.isSql()) {
            throw new IllegalArgumentException(migration.fileName() + " is a hand-written sql migration");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        migration.description().ifPresent(d -> root.put("description", d));
        ArrayNode list = root.putArray("refactorings");
        for (Refactoring refactoring : migration.refactorings()) {
            list.addObject().set(refactoring.yamlKey(), RefactoringTypes.of(refactoring).write(refactoring).node());
        }
        return toYaml(root);
    }

    /** Any tree in the catalog's YAML spelling: strings quoted, lists indented, long text as blocks. */
    public static String toYaml(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write yaml", e);
        }
    }

    /** Writes {@link #toYaml} to {@code file} in UTF-8. */
    public static void write(Migration migration, Path file) {
        try {
            Files.writeString(file, toYaml(migration), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
