package dev.graft.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads what a location names: every file under a Flyway location (for the template's content
 * hash), or one seed script. Locations are {@code classpath:...} or {@code filesystem:...}; a
 * migration location without a prefix is on the class path (as in Flyway), a seed location
 * without one is a file path.
 */
final class ScriptSources {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private final ClassLoader loader;

    ScriptSources(ClassLoader loader) {
        this.loader = loader;
    }

    /** Every file under a migration location, by path relative to it, sorted; fails when there is none. */
    Map<String, byte[]> migrationFiles(String location) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (location.startsWith(FILESYSTEM)) {
                addTree(Path.of(location.substring(FILESYSTEM.length())), files);
            } else if (location.startsWith(CLASSPATH) || !location.contains(":")) {
                addClasspath(location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location, files);
            } else {
                throw new GraftDatabaseException("migrations location \"" + location + "\" is neither classpath: nor "
                        + "filesystem:; Graft hashes its content to know when to rebuild the template");
            }
        } catch (IOException e) {
            throw new GraftDatabaseException("cannot read migrations location \"" + location + "\": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new GraftDatabaseException("migrations location \"" + location + "\" holds no files (working directory "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return files;
    }

    /** The bytes of one seed script. */
    byte[] seed(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = strip(location.substring(CLASSPATH.length()));
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new GraftDatabaseException("seed \"" + location + "\" is not on the class path");
                    }
                    return in.readAllBytes();
                }
            }
            Path file = Path.of(location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location);
            if (!Files.isRegularFile(file)) {
                throw new GraftDatabaseException("seed \"" + location + "\" is not a file (looked for "
                        + file.toAbsolutePath() + ")");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GraftDatabaseException("cannot read seed \"" + location + "\": " + e.getMessage(), e);
        }
    }

    private void addClasspath(String folder, Map<String, byte[]> files) throws IOException {
        String resource = strip(folder);
        Enumeration<URL> roots = loader.getResources(resource);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if ("file".equals(root.getProtocol())) {
                try {
                    addTree(Path.of(root.toURI()), files);
                } catch (URISyntaxException e) {
                    throw new IOException("bad class path URL " + root, e);
                }
            } else if ("jar".equals(root.getProtocol())) {
                addJarFolder(root, resource, files);
            }
        }
    }

    private static void addTree(Path folder, Map<String, byte[]> files) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void addJarFolder(URL root, String folder, Map<String, byte[]> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static String strip(String resource) {
        return resource.startsWith("/") ? resource.substring(1) : resource;
    }
}
