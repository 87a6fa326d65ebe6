package dev.graft.generator;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.generator.plan.MigrationPlan;
import dev.graft.generator.render.Header;
import dev.graft.generator.render.JavaMigrationRenderer;
import dev.graft.generator.render.SqlFileRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a catalog into Flyway migrations: for each catalog file {@code V<version>__<slug>.yaml}
 * a {@code V<version>__<slug>.sql}, or a Java migration {@code V<version>__<Slug>.java} where a
 * backfill commits in batches. Output is deterministic. Generated files are committed and never
 * rewritten: {@link #generate} writes only missing files, {@link #check} reports drift.
 *
 * <pre>{@code
 * Generator generator = Generator.forCatalog(Catalog.read(Path.of("src/main/graft")));
 * GenerationResult result = generator.generate(GeneratorConfig.defaults());
 * List<Drift> drift = generator.check(GeneratorConfig.defaults());
 * }</pre>
 */
public final class Generator {

    /** The version written into every header; output of another version may differ. */
    public static final String VERSION = "0.1.0";

    private final Catalog catalog;

    private Generator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A generator for a read, validated catalog. */
    public static Generator forCatalog(Catalog catalog) {
        return new Generator(Objects.requireNonNull(catalog, "catalog == null"));
    }

    /** The plan of one catalog migration. */
    public MigrationPlan plan(Migration migration, GeneratorConfig config) {
        return Planner.forCatalog(catalog, config.batchSize()).plan(migration);
    }

    /**
     * The script that aborts {@code migration} on a database where it is expanded and not completed:
     * an idempotent SQL file, rendered from the catalog when it is needed (see {@link Planner#abort}).
     *
     * @throws IllegalArgumentException naming the file when the migration cannot be aborted
     */
    public String abortScript(Migration migration, GeneratorConfig config) {
        return SqlFileRenderer.render(abortPlan(migration, config), config.lockTimeout(), VERSION);
    }

    /** The statements of {@link #abortScript}, in order, each with its semicolon. */
    public List<String> abortStatements(Migration migration, GeneratorConfig config) {
        List<String> statements = new ArrayList<>();
        statements.add(SqlFileRenderer.lockTimeout(config.lockTimeout()));
        statements.addAll(SqlFileRenderer.statements(abortPlan(migration, config)));
        statements.add("RESET lock_timeout;");
        return statements;
    }

    private MigrationPlan abortPlan(Migration migration, GeneratorConfig config) {
        return Planner.forCatalog(catalog, config.batchSize()).abort(Objects.requireNonNull(migration, "migration == null"));
    }

    /** Every file this generator renders for the catalog, in catalog order, without writing. */
    public List<GeneratedFile> render(GeneratorConfig config) {
        Objects.requireNonNull(config, "config == null");
        Planner planner = Planner.forCatalog(catalog, config.batchSize());
        List<GeneratedFile> files = new ArrayList<>();
        for (Migration m : catalog.migrations()) {
            String base = "V" + m.version() + "__" + m.slug();
            if (m.isSql()) {
                files.add(new GeneratedFile(config.sqlOutput().resolve(base + ".sql"), m.sql().orElse(""), m,
                        GeneratedFile.Kind.COPY));
                continue;
            }
            MigrationPlan plan = planner.plan(m);
            if (plan.needsJava()) {
                files.add(new GeneratedFile(config.javaPackageFolder().resolve(JavaMigrationRenderer.className(m) + ".java"),
                        JavaMigrationRenderer.render(plan, config.javaPackage(), config.lockTimeout(), VERSION), m,
                        GeneratedFile.Kind.JAVA));
                continue;
            }
            Path sql = config.sqlOutput().resolve(base + ".sql");
            files.add(new GeneratedFile(sql, SqlFileRenderer.render(plan, config.lockTimeout(), VERSION), m,
                    GeneratedFile.Kind.SQL));
            if (!plan.transactional()) {
                files.add(new GeneratedFile(config.sqlOutput().resolve(base + ".sql.conf"),
                        SqlFileRenderer.scriptConfig(plan, VERSION), m, GeneratedFile.Kind.SQL_CONFIG));
            }
        }
        return files;
    }

    /**
     * Writes the files that are missing; existing files are left alone, whatever they hold.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public GenerationResult generate(GeneratorConfig config) {
        List<Path> written = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (GeneratedFile file : render(config)) {
            if (Files.exists(file.path())) {
                skipped.add(file.path());
                continue;
            }
            try {
                Files.createDirectories(file.path().toAbsolutePath().getParent());
                Files.writeString(file.path(), file.content(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file.path(), e);
            }
            written.add(file.path());
        }
        return new GenerationResult(written, skipped);
    }

    /**
     * Compares the files on disk with what this generator renders: missing files, catalog files
     * changed after generation, generated files edited by hand, and output this generator
     * version renders differently.
     */
    public List<Drift> check(GeneratorConfig config) {
        List<Drift> drift = new ArrayList<>();
        for (GeneratedFile file : render(config)) {
            Optional<String> onDisk = read(file.path());
            if (onDisk.isEmpty()) {
                drift.add(new Drift(Drift.Kind.MISSING, file.path(), "not generated yet: run generate"));
                continue;
            }
            String text = onDisk.get();
            if (file.kind() == GeneratedFile.Kind.COPY) {
                if (!text.equals(file.content())) {
                    drift.add(new Drift(Drift.Kind.CATALOG_CHANGED, file.path(), "differs from the hand-written "
                            + file.migration().fileName() + " of the catalog"));
                }
                continue;
            }
            drift.addAll(compare(file, text));
        }
        return drift;
    }

    private static List<Drift> compare(GeneratedFile file, String text) {
        Migration m = file.migration();
        Optional<Header> header = Header.read(text);
        if (header.isEmpty()) {
            return List.of(new Drift(Drift.Kind.EDITED, file.path(), "has no Graft header: edited by hand"));
        }
        List<Drift> drift = new ArrayList<>();
        Header h = header.get();
        if (!Header.sha256(Header.body(text)).equals(h.contentChecksum())) {
            drift.add(new Drift(Drift.Kind.EDITED, file.path(), "was edited by hand after generation: restore it,"
                    + " and make the change as a new catalog version"));
        }
        if (!h.sourceChecksum().equals(m.checksum())) {
            drift.add(new Drift(Drift.Kind.CATALOG_CHANGED, file.path(), "catalog file " + m.fileName()
                    + " changed after this migration was generated: revert it and add a new version"));
        } else if (drift.isEmpty() && !text.equals(file.content())) {
            drift.add(new Drift(Drift.Kind.GENERATOR_CHANGED, file.path(), "generated by graft "
                    + h.generatorVersion() + "; graft " + VERSION + " renders " + m.fileName() + " differently"));
        }
        return drift;
    }

    private static Optional<String> read(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
