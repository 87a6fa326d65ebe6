package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.AddColumn;
import dev.graft.catalog.refactoring.AddConstraint;
import dev.graft.catalog.refactoring.AddForeignKey;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.Complete;
import dev.graft.catalog.refactoring.CreateIndex;
import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.catalog.refactoring.DropTable;
import dev.graft.catalog.refactoring.MergeColumns;
import dev.graft.catalog.refactoring.MergeTables;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RenameColumn;
import dev.graft.catalog.refactoring.RenameConstraint;
import dev.graft.catalog.refactoring.RenameTable;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.catalog.refactoring.SplitTable;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.generator.postgres.AbortSteps;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.snapshot.DataFingerprint;
import dev.graft.verifier.snapshot.DatabaseState;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The abort check, for a migration that opens a transition: on a copy of its clean run, its abort
 * script gives back the schema and the rows of the tables it reshaped as they were before the
 * expand, a second abort changes nothing, and the expand applied again by Flyway ends in the
 * clean run's state exactly. Migrations without a transition do not get the check.
 */
final class AbortCheck {

    /**
     * What abort must give back, read from the base before anything branches it.
     *
     * @param state  the base's schema, and the rows of {@code tables}
     * @param tables the qualified names of the tables the migration reshapes
     */
    record Before(DatabaseState state, Set<String> tables) { }

    private AbortCheck() {
    }

    /** Whether {@code migration} gets the check: it opens a transition that abort can undo. */
    static boolean applies(PendingMigration migration, Optional<Catalog> catalog) {
        return catalog.isPresent() && migration.model().filter(AbortCheck::abortable).isPresent();
    }

    private static boolean abortable(Migration m) {
        List<Refactoring> all = m.refactorings();
        return all.stream().anyMatch(Refactoring::isTransition) && all.stream().noneMatch(Complete.class::isInstance)
                && all.stream().allMatch(AbortSteps::undoes);
    }

    /** The tables a migration reshapes, by qualified name ({@code public.inventory}). */
    static Set<String> tables(Migration migration) {
        Set<String> tables = new TreeSet<>();
        for (Refactoring r : migration.refactorings()) {
            table(r).ifPresent(t -> tables.add(t.qualified()));
            if (r instanceof RenameTable rt) {
                tables.add(rt.from().qualified());
                tables.add(rt.to().qualified());
            }
            if (r instanceof SplitTable st) {
                tables.add(st.table().qualified());
                tables.add(st.into().qualified());
            }
            if (r instanceof MergeTables mt) {
                tables.add(mt.table().qualified());
                tables.add(mt.from().qualified());
            }
        }
        return tables;
    }

    private static Optional<TableName> table(Refactoring r) {
        if (r instanceof SplitColumn s) {
            return Optional.of(s.table());
        } else if (r instanceof MergeColumns m) {
            return Optional.of(m.table());
        } else if (r instanceof RenameColumn rc) {
            return Optional.of(rc.table());
        } else if (r instanceof ChangeColumnType c) {
            return Optional.of(c.table());
        } else if (r instanceof AddColumn a) {
            return Optional.of(a.table());
        } else if (r instanceof DropColumn d) {
            return Optional.of(d.table());
        } else if (r instanceof DropTable d) {
            return Optional.of(d.table());
        } else if (r instanceof CreateIndex i) {
            return Optional.of(i.table());
        } else if (r instanceof AddForeignKey k) {
            return Optional.of(k.table());
        } else if (r instanceof AddConstraint c) {
            return Optional.of(c.table());
        } else if (r instanceof RenameConstraint rc) {
            return Optional.of(rc.table());
        }
        return Optional.empty();
    }

    /** Reads what abort must give back from {@code base}, the state just before the migration: the rows of {@code tables}. */
    static Before before(Branch base, Set<String> excluded, Set<String> tables) {
        return new Before(read(base, excluded, tables), Set.copyOf(tables));
    }

    /** The check on {@code branch}, a copy of the clean run made for it; the branch is deleted afterwards. */
    static CheckResult run(RunContext context, PendingMigration migration, Catalog catalog, Branch branch, Before before) {
        try {
            List<String> abort = Generator.forCatalog(catalog).abortStatements(migration.model().orElseThrow(),
                    GeneratorConfig.defaults());
            return prove(context.flyway(), context.config().excludedTables(), branch, migration.version(), abort, before);
        } finally {
            context.ledger().delete(branch);
        }
    }

    /**
     * Proves {@code abort} on {@code branch}, where migration {@code version} has just been applied
     * over the state {@code before}: abort gives {@code before} back, a second abort changes nothing,
     * and Flyway applying the version again ends where the first run ended.
     */
    static CheckResult prove(FlywayRunner flyway, Set<String> excluded, Branch branch, String version, List<String> abort,
            Before before) {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        try {
            DatabaseState expanded = read(branch, excluded, before.tables());
            String failed = run(branch, abort);
            if (failed != null) {
                return CheckResult.failed(Check.ABORT, since(start), "the abort fails: " + failed, List.of(failed));
            }
            DatabaseState aborted = read(branch, excluded, before.tables());
            compare("after abort, unlike before the expand:", before.state(), aborted, failures);
            failed = run(branch, abort);
            if (failed != null) {
                failures.add("the second abort fails: " + failed);
            } else {
                compare("the second abort changed:", aborted, read(branch, excluded, before.tables()), failures);
            }
            flyway.migrate(branch.dataSource(), version);
            compare("expanded again, unlike the first expand:", expanded, read(branch, excluded, before.tables()), failures);
        } catch (RuntimeException e) {
            failures.add("the check crashed: " + ReplayText.firstLine(e));
        }
        Duration took = since(start);
        if (failures.isEmpty()) {
            return CheckResult.passed(Check.ABORT, took, abort.size() + " statements abort it to the state before the"
                    + " expand (run twice: no change); expanded again, schema and rows equal the first expand");
        }
        return CheckResult.failed(Check.ABORT, took, failures.get(0), ReplayText.shown(failures));
    }

    private static void compare(String what, DatabaseState expected, DatabaseState actual, List<String> failures) {
        DatabaseState.Difference difference = expected.compare(actual);
        if (!difference.isEmpty()) {
            failures.add(what + " " + ReplayText.describe(difference));
            difference.lines().forEach(line -> failures.add("  " + line));
        }
    }

    private static DatabaseState read(Branch branch, Set<String> excluded, Set<String> tables) {
        try (Connection c = branch.connect()) {
            return state(c, excluded, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read branch \"" + branch.name() + "\": " + e.getMessage(), e);
        }
    }

    /** The schema without Flyway's history, and the rows of {@code tables}. */
    private static DatabaseState state(Connection c, Set<String> excluded, Set<String> tables) throws SQLException {
        SchemaSnapshot all = SchemaSnapshot.read(c);
        SchemaSnapshot schema = SchemaSnapshot.of(all.objects().values().stream()
                .filter(o -> excluded.stream().noneMatch(t -> o.name().contains(t))).toList());
        return new DatabaseState(schema, DataFingerprint.read(c, excluded, tables::contains));
    }

    /** Runs the statements in autocommit, as {@code psql -f} does; the first failure's message, or null. */
    private static String run(Branch branch, List<String> statements) {
        try (Connection c = branch.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements) {
                s.execute(sql);
            }
            return null;
        } catch (SQLException e) {
            return e.getMessage().strip().lines().findFirst().orElse("");
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
