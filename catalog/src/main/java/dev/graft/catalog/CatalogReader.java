package dev.graft.catalog;

import dev.graft.catalog.internal.CatalogFiles;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.Problems;
import dev.graft.catalog.internal.Suggestions;
import dev.graft.catalog.internal.YamlTree;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RefactoringType;
import dev.graft.catalog.refactoring.RefactoringTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the files of a catalog directory into migrations: names, YAML, refactoring records. */
final class CatalogReader {

    /** A migration and whether every refactoring of it could be read. */
    record Read(Migration migration, boolean complete, Map<Refactoring, Map<String, Location>> fields) { }

    private final Problems problems;
    private boolean filesLost;

    CatalogReader(Problems problems) {
        this.problems = problems;
    }

    /** Every readable migration, in Flyway order; duplicates reported and left out. */
    List<Read> read(Path directory) {
        List<Read> all = new ArrayList<>();
        if (!Files.exists(directory)) {
            return all;
        }
        int before = problems.count();
        List<CatalogFiles.Found> files = CatalogFiles.list(directory, problems);
        filesLost = problems.count() > before;
        for (CatalogFiles.Found file : files) {
            readFile(file).ifPresent(all::add);
        }
        all.sort(Comparator.comparing((Read r) -> r.migration().version()).thenComparing(r -> r.migration().fileName()));
        List<Read> unique = new ArrayList<>();
        for (Read r : all) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).migration().version().equals(r.migration().version())) {
                Migration first = unique.get(unique.size() - 1).migration();
                problems.report(Location.of(r.migration().fileName()), ProblemCode.DUPLICATE_VERSION,
                        "version \"" + r.migration().version() + "\" is also the version of \"" + first.fileName()
                        + "\": versions must be unique");
                filesLost = true;
            } else {
                unique.add(r);
            }
        }
        return unique;
    }

    /** The versions of the migration files, from their names alone. */
    List<Version> versions(Path directory) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        return CatalogFiles.list(directory, problems).stream().map(f -> Version.parse(f.version())).toList();
    }

    /** Whether a file could not be read or was left out, so later names cannot be trusted to be missing. */
    boolean filesLost() {
        return filesLost;
    }

    private Optional<Read> readFile(CatalogFiles.Found file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            problems.report(Location.of(file.name()), ProblemCode.UNREADABLE, "cannot read: " + e.getMessage());
            filesLost = true;
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Version version = Version.parse(file.version());
        if (file.isSql()) {
            return Optional.of(new Read(new Migration(version, file.slug(), file.path(), file.name(), sha256(bytes),
                    Optional.empty(), Migration.Kind.SQL, Optional.of(text), List.of()), true, Map.of()));
        }
        Optional<Node> root = new YamlTree(file.name(), problems).read(text);
        Optional<Fields> fields = root.flatMap(node -> Fields.of(node, file.name(), problems));
        if (fields.isEmpty()) {
            filesLost = true;
            return Optional.empty();
        }
        Fields in = fields.get();
        Optional<String> description = in.optionalString("description");
        boolean complete = true;
        List<Refactoring> refactorings = new ArrayList<>();
        Map<Refactoring, Map<String, Location>> locations = new java.util.IdentityHashMap<>();
        Optional<Node> list = in.node("refactorings");
        if (list.isEmpty() || list.get() instanceof Node.ListNode l && l.items().isEmpty()) {
            problems.report(list.map(Node::location).orElse(in.location()), ProblemCode.EMPTY_MIGRATION,
                    "the migration has no refactorings: write them under \"refactorings:\"");
        } else if (!(list.get() instanceof Node.ListNode items)) {
            in.wrongType("refactorings", "a list", list.get());
            complete = false;
        } else {
            for (Node item : items.items()) {
                Optional<Refactoring> read = refactoring(item, locations);
                read.ifPresent(refactorings::add);
                complete &= read.isPresent();
            }
        }
        in.finish();
        return Optional.of(new Read(new Migration(version, file.slug(), file.path(), file.name(), sha256(bytes),
                description, Migration.Kind.CATALOG, Optional.empty(), refactorings), complete, locations));
    }

    private Optional<Refactoring> refactoring(Node item, Map<Refactoring, Map<String, Location>> locations) {
        if (!(item instanceof Node.MapNode map) || map.entries().size() != 1) {
            problems.report(item.location(), ProblemCode.NOT_ONE_KEY, "each refactoring is a map with exactly one key,"
                    + " its type (such as \"split_column\"), found " + (item instanceof Node.MapNode m
                    ? m.entries().size() + " keys" : item.describe()));
            return Optional.empty();
        }
        Node.Entry entry = map.entries().get(0);
        Optional<RefactoringType<?>> type = RefactoringTypes.byKey(entry.key());
        if (type.isEmpty()) {
            problems.report(entry.keyLocation(), ProblemCode.UNKNOWN_REFACTORING, "unknown refactoring \""
                    + entry.key() + "\"" + Suggestions.hint(entry.key(), RefactoringTypes.keys()));
            return Optional.empty();
        }
        Optional<? extends Refactoring> read = type.get().read(entry.keyLocation(), entry.value(), problems);
        read.ifPresent(r -> locations.put(r, fieldLocations(entry.value())));
        return read.map(r -> r);
    }

    private static Map<String, Location> fieldLocations(Node value) {
        Map<String, Location> at = new LinkedHashMap<>();
        if (value instanceof Node.MapNode m) {
            m.entries().forEach(e -> at.put(e.key(), e.value().location()));
        }
        return at;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

}
