package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the migration files of a catalog directory and reports names that are not migrations
 * and files that are not UTF-8 (left out, as their text cannot be trusted).
 */
public final class CatalogFiles {

    /**
     * {@code V<version>__<slug>.yaml} or {@code .sql}. A catalog file's slug names generated files and
     * classes, so it is a word; a hand-written SQL file's description may be anything Flyway takes
     * ({@code V2__My-Case.sql}).
     */
    private static final Pattern NAME = Pattern.compile(
            "V([0-9]+(?:[._][0-9]+)*)__(?:([A-Za-z0-9][A-Za-z0-9_]*)\\.(yaml)|([^\\s/\\\\][^/\\\\]*)\\.(sql))");

    /**
     * A migration file.
     *
     * @param path     the file
     * @param name     relative to the catalog directory, {@code /}-separated
     * @param version  the version as written
     * @param slug     the part after {@code __}
     * @param isSql    whether it is a hand-written SQL file
     */
    public record Found(Path path, String name, String version, String slug, boolean isSql) { }

    private CatalogFiles() { }

    public static List<Found> list(Path directory, Problems problems) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list catalog directory " + directory, e);
        }
        List<Found> found = new ArrayList<>();
        for (Path path : paths) {
            String name = directory.relativize(path).toString().replace('\\', '/');
            String file = path.getFileName().toString();
            String lower = file.toLowerCase(Locale.ROOT);
            // the baseline (dev.graft.catalog.baseline) is the schema before the migrations, not one of them
            if (name.equals("baseline.yaml") || file.startsWith(".") || !(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".sql"))) {
                continue;
            }
            Matcher m = NAME.matcher(file);
            if (m.matches()) {
                if (isUtf8(path, name, problems)) {
                    boolean sql = m.group(5) != null;
                    found.add(new Found(path, name, m.group(1), sql ? m.group(4) : m.group(2), sql));
                }
            } else {
                problems.report(Location.of(name), ProblemCode.BAD_FILE_NAME, "file name \"" + file
                        + "\" is not V<version>__<slug>.yaml or .sql" + hint(file));
            }
        }
        return found;
    }

    /** Whether the file is strict UTF-8; if not, reported where the first bad byte is and left out. */
    private static boolean isUtf8(Path path, String name, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return true;
        }
        return StrictUtf8.check(bytes, name).map(invalid -> {
            problems.report(invalid.location(), ProblemCode.ENCODING, invalid.message());
            return false;
        }).orElse(true);
    }

    private static String hint(String file) {
        if (file.endsWith(".yml")) {
            return ": use the extension .yaml";
        }
        if (file.startsWith("v")) {
            return ": start with a capital V";
        }
        if (!file.contains("__")) {
            return ": separate version and slug with two underscores";
        }
        if (file.startsWith("R__") || file.startsWith("U")) {
            return ": repeatable and undo migrations are not catalog migrations";
        }
        return ": the version is digits separated by \".\" or \"_\", the slug letters, digits and _";
    }
}
