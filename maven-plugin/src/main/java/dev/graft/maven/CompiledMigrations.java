package dev.graft.maven;

import dev.graft.catalog.Catalog;
import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.verifier.VerifyRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The project's compiled Java migrations (the generator writes batched backfills as Java), as Flyway
 * finds them: a class loader over the project's classes and runtime classpath, and a location that
 * lists only the classes of the migration package. The SQL files the build copied next to them stay
 * out of it: Flyway reads those from {@code graft.sqlOutput}, and seeing them twice is an error.
 *
 * <p>The loader asks the plugin's own class loader first, so a migration's {@code BaseJavaMigration}
 * is the class the verifier's Flyway knows. A project without Java migrations gets {@link #NONE},
 * and Flyway sees {@code graft.sqlOutput} alone.
 */
final class CompiledMigrations implements AutoCloseable {

    /** No Java migrations: nothing to load, nothing to close. */
    static final CompiledMigrations NONE = new CompiledMigrations(null, null);

    private final URLClassLoader loader;
    private final String location;

    private CompiledMigrations(URLClassLoader loader, String location) {
        this.loader = loader;
        this.location = location;
    }

    /**
     * The Java migrations the catalog renders, or that the build compiled into the migration
     * package, or {@link #NONE} when there are neither.
     *
     * @param classes   the project's {@code target/classes}
     * @param classpath the project's runtime classpath elements
     * @param goal      the goal asking, named in the message when classes are missing
     * @throws MojoExecutionException if a Java migration of the catalog is not compiled or does not load
     */
    static CompiledMigrations of(Catalog catalog, GeneratorConfig config, Path classes, List<String> classpath,
            String goal) throws MojoExecutionException {
        String folder = config.javaPackage().replace('.', '/');
        List<GeneratedFile> expected = Generator.forCatalog(catalog).render(config).stream()
                .filter(f -> f.kind() == GeneratedFile.Kind.JAVA).toList();
        if (expected.isEmpty() && !holdsClasses(classes.resolve(folder))) {
            return NONE;
        }
        List<String> missing = new ArrayList<>();
        for (GeneratedFile file : expected) {
            Path compiled = classes.resolve(folder).resolve(simpleName(file) + ".class");
            if (!Files.isRegularFile(compiled)) {
                missing.add("  " + className(config, file) + " (from " + file.migration().fileName() + "): no "
                        + compiled);
            }
        }
        if (!missing.isEmpty()) {
            throw GoalFailure.setUp(missing.size() + " Java migration(s) of the catalog are not"
                    + " compiled:\n" + String.join("\n", missing) + "\nRun `mvn verify` (graft:generate and compile"
                    + " come first), or `mvn compile graft:" + goal + "`.");
        }
        URLClassLoader loader = new URLClassLoader(urls(classes, classpath), CompiledMigrations.class.getClassLoader());
        CompiledMigrations migrations = new CompiledMigrations(loader, "classpath:" + folder + "/**/*.class");
        try {
            for (GeneratedFile file : expected) {
                migrations.requireMigration(className(config, file));
            }
        } catch (MojoExecutionException e) {
            migrations.close();
            throw e;
        }
        return migrations;
    }

    /** The request with these migrations added: their location and the loader Flyway finds them with. */
    VerifyRequest.Builder addTo(VerifyRequest.Builder request) {
        if (loader != null) {
            request.flywayLocation(location).classLoader(loader);
        }
        return request;
    }

    /** The Flyway location of the migration classes, if there are any. */
    Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /** The class loader Flyway finds them with; the plugin's own when there are none. */
    ClassLoader loader() {
        return loader != null ? loader : CompiledMigrations.class.getClassLoader();
    }

    @Override
    public void close() {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of the project's migrations", e);
        }
    }

    /**
     * Flyway skips a class it cannot load with a mere warning, and the migrations after it would be
     * verified on the wrong base.
     */
    private void requireMigration(String name) throws MojoExecutionException {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw GoalFailure.setUp("the Java migration " + name + " does not load: " + e
                    + "\nRecompile the project (mvn clean verify).", e);
        }
        if (!JavaMigration.class.isAssignableFrom(type)) {
            throw GoalFailure.setUp(name + " is not a Flyway JavaMigration for the plugin's Flyway;"
                    + " it extends " + type.getSuperclass().getName() + " from another class loader");
        }
    }

    private static boolean holdsClasses(Path folder) throws MojoExecutionException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".class"));
        } catch (IOException e) {
            throw GoalFailure.setUp("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static URL[] urls(Path classes, List<String> classpath) throws MojoExecutionException {
        Set<Path> elements = new LinkedHashSet<>();
        elements.add(classes.toAbsolutePath());
        classpath.forEach(element -> elements.add(new File(element).toPath().toAbsolutePath()));
        List<URL> urls = new ArrayList<>();
        for (Path element : elements) {
            try {
                urls.add(element.toUri().toURL());
            } catch (MalformedURLException e) {
                throw GoalFailure.setUp("cannot use classpath element " + element + ": " + e.getMessage(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static String simpleName(GeneratedFile file) {
        String name = file.path().getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    private static String className(GeneratorConfig config, GeneratedFile file) {
        return config.javaPackage() + "." + simpleName(file);
    }
}
