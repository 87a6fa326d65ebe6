package dev.graft.benchmarks.online;

import dev.graft.branch.FlywayLogging;
import dev.graft.catalog.Catalog;
import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * A catalog's migrations as today's generator renders them, produced at run time the way
 * {@code graft:generate} and the build would: SQL files into a folder, Java migrations (batched
 * backfills that commit on their own) compiled into a folder of classes, and Flyway over both, so a
 * benchmark measures whatever the generator it is built with writes.
 */
final class RuntimeMigrations implements AutoCloseable {

    private static final String JAVA_PACKAGE = "graftbench.migration";

    private final Path sql;
    private final URLClassLoader loader;
    private final List<GeneratedFile> files;

    private RuntimeMigrations(Path sql, URLClassLoader loader, List<GeneratedFile> files) {
        this.sql = sql;
        this.loader = loader;
        this.files = files;
    }

    /** Generates the catalog in {@code catalogFolder} into {@code work} (emptied first) and compiles its Java migrations. */
    static RuntimeMigrations generate(Path catalogFolder, Path work) throws IOException {
        Path sql = work.resolve("sql");
        Path java = work.resolve("java");
        Path classes = work.resolve("classes");
        deleteTree(work);
        Files.createDirectories(sql);
        Files.createDirectories(classes);
        GeneratorConfig config = GeneratorConfig.builder().sqlOutput(sql).javaOutput(java).javaPackage(JAVA_PACKAGE)
                .build();
        Generator generator = Generator.forCatalog(Catalog.read(catalogFolder));
        generator.generate(config);
        List<GeneratedFile> files = generator.render(config);
        List<Path> sources = files.stream().filter(f -> f.kind() == GeneratedFile.Kind.JAVA).map(GeneratedFile::path)
                .toList();
        if (!sources.isEmpty()) {
            compile(sources, classes);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                RuntimeMigrations.class.getClassLoader());
        return new RuntimeMigrations(sql, loader, files);
    }

    /** The generated files, in catalog order. */
    List<GeneratedFile> files() {
        return files;
    }

    /** The generated text of migration {@code version}'s main file (SQL or Java). */
    String content(String version) {
        return files.stream().filter(f -> f.migration().version().toString().equals(version))
                .filter(f -> f.kind() != GeneratedFile.Kind.SQL_CONFIG).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no migration " + version));
    }

    /** Flyway as a user configures it for Graft's migrations, up to and including {@code target}. */
    Flyway flyway(DataSource dataSource, String target) {
        FluentConfiguration configuration = Flyway.configure(loader).loggers(FlywayLogging.LOGGERS)
                .dataSource(dataSource).locations("filesystem:" + sql, "classpath:" + JAVA_PACKAGE.replace('.', '/'))
                .target(target);
        // CREATE INDEX CONCURRENTLY waits forever for Flyway's transactional advisory lock; Flyway documents this switch
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.load();
    }

    /** Like {@link #flyway}, over a schema that already holds tables: versions up to {@code baseline} are taken as applied. */
    Flyway flywayOverExisting(DataSource dataSource, String baseline, String target) {
        FluentConfiguration configuration = Flyway.configure(loader).loggers(FlywayLogging.LOGGERS)
                .dataSource(dataSource).locations("filesystem:" + sql, "classpath:" + JAVA_PACKAGE.replace('.', '/'))
                .baselineOnMigrate(true).baselineVersion(baseline).target(target);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.load();
    }

    private static void compile(List<Path> sources, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the catalog renders Java migrations, and this JVM has no compiler: run on a JDK");
        }
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath(),
                "--release", "17", "-nowarn"));
        sources.forEach(s -> arguments.add(s.toString()));
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("the generated Java migrations do not compile: " + sources);
        }
    }

    /** The jars a generated migration compiles against: Flyway's, SLF4J's, and this JVM's class path. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(BaseJavaMigration.class, org.slf4j.Logger.class, org.postgresql.Driver.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
            }
        }
        ClassLoader own = RuntimeMigrations.class.getClassLoader();
        if (own instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                entries.add(urlPath(url));
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return entries.stream().filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    private static String urlPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.getPath();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of the generated migrations", e);
        }
    }
}
