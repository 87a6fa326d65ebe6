package dev.graft.catalog;

import dev.graft.catalog.baseline.Baseline;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.DdlFollower;
import dev.graft.catalog.internal.Problems;
import dev.graft.catalog.internal.TransitionLedger;
import dev.graft.catalog.refactoring.Complete;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RefactoringTypes;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog directory read and validated: its migrations in Flyway order, the schema before and
 * after each, and the transitions still open at its end. Immutable.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.read(Path.of("src/main/graft"));
 * for (Migration m : catalog.migrations()) {
 *     SchemaView before = catalog.schemaBefore(m);
 *     m.refactorings().forEach(r -> System.out.println(m.version() + " " + r.key()));
 * }
 * }</pre>
 */
public final class Catalog {

    private final Path directory;
    private final List<Migration> migrations;
    private final Map<Version, SchemaView> before;
    private final Map<Version, SchemaView> after;
    private final List<OpenTransition> openTransitions;
    private final List<Problem> warnings;

    private Catalog(Path directory, List<Migration> migrations, Map<Version, SchemaView> before,
            Map<Version, SchemaView> after, List<OpenTransition> openTransitions, List<Problem> warnings) {
        this.directory = directory;
        this.migrations = List.copyOf(migrations);
        this.before = Map.copyOf(before);
        this.after = Map.copyOf(after);
        this.openTransitions = List.copyOf(openTransitions);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads a catalog over its baseline: the schema in {@code baseline.yaml} of the directory (see
     * {@link Baseline}), or an empty database when it has none. A directory that does not exist is
     * an empty catalog (a project with hand-written Flyway migrations only).
     *
     * @throws CatalogException with every problem found, if there is any error (the baseline's too)
     */
    public static Catalog read(Path directory) {
        return read(directory, Baseline.find(directory).map(Baseline::schema).orElse(SchemaView.empty()));
    }

    /**
     * The version of the catalog's first file, from the file names alone (nothing is validated):
     * what a baseline is taken before. Empty for an empty or missing directory.
     */
    public static Optional<Version> firstVersion(Path directory) {
        return new CatalogReader(new Problems()).versions(directory).stream().min(Comparator.naturalOrder());
    }

    /**
     * Reads a catalog whose first migration applies to {@code baseline} (for example
     * {@link SchemaView#read(java.sql.Connection)} of the production schema).
     *
     * @throws CatalogException with every problem found, if there is any error
     */
    public static Catalog read(Path directory, SchemaView baseline) {
        Objects.requireNonNull(directory, "directory == null");
        Objects.requireNonNull(baseline, "baseline == null");
        Problems problems = new Problems();
        CatalogReader reader = new CatalogReader(problems);
        List<CatalogReader.Read> reads = reader.read(directory);
        TransitionLedger ledger = new TransitionLedger();
        Map<Version, SchemaView> before = new HashMap<>();
        Map<Version, SchemaView> after = new HashMap<>();
        SchemaView schema = baseline;
        boolean exact = !reader.filesLost();
        for (CatalogReader.Read read : reads) {
            Migration migration = read.migration();
            before.put(migration.version(), schema);
            if (migration.isSql()) {
                schema = DdlFollower.follow(migration.sql().orElse(""), schema, (statement, reason, line, column) ->
                        problems.report(new Location(migration.fileName(), line, column), ProblemCode.NOT_FOLLOWED,
                                DdlFollower.Unfollowed.message(statement, reason)));
            }
            for (Refactoring refactoring : migration.refactorings()) {
                Checks checks = new Checks(schema, exact, problems, ledger, migration, refactoring,
                        read.fields().getOrDefault(refactoring, Map.of()));
                RefactoringTypes.of(refactoring).check(refactoring, checks);
                if (refactoring instanceof Complete complete && complete.version().compareTo(migration.version()) < 0) {
                    for (Refactoring transition : ledger.complete(complete.version(), migration.version())) {
                        schema = schema.complete(transition);
                    }
                }
                schema = schema.apply(refactoring);
            }
            exact &= read.complete();
            after.put(migration.version(), schema);
        }
        if (problems.hasErrors()) {
            throw new CatalogException(problems.sorted());
        }
        return new Catalog(directory, reads.stream().map(CatalogReader.Read::migration).toList(), before, after,
                ledger.openTransitions(), problems.sorted());
    }

    /** The catalog directory. */
    public Path directory() {
        return directory;
    }

    /** Every migration, in Flyway order. */
    public List<Migration> migrations() {
        return migrations;
    }

    /** The schema before {@code migration} runs. */
    public SchemaView schemaBefore(Migration migration) {
        return schemaAt(before, migration);
    }

    /** The schema after {@code migration}'s expand (and the contracts of the versions it completes). */
    public SchemaView schemaAfter(Migration migration) {
        return schemaAt(after, migration);
    }

    private static SchemaView schemaAt(Map<Version, SchemaView> schemas, Migration migration) {
        SchemaView schema = schemas.get(migration.version());
        if (schema == null) {
            throw new IllegalArgumentException("migration " + migration.fileName() + " is not in this catalog");
        }
        return schema;
    }

    /** Transitions expanded and never completed, in the order they were opened. */
    public List<OpenTransition> openTransitions() {
        return openTransitions;
    }

    /** Warnings found while reading (statements the schema view could not follow). */
    public List<Problem> warnings() {
        return warnings;
    }
}
