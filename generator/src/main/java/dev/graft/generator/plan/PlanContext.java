package dev.graft.generator.plan;

import dev.graft.catalog.Migration;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.Version;
import dev.graft.catalog.refactoring.TableName;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a planner may look at: the migration being planned, the schema just before the
 * refactoring, the transitions a {@code complete} can end, and the batch size of backfills that
 * run inside the migration's transaction.
 *
 * @param migration   the migration holding the refactoring
 * @param schema      the schema just before the refactoring
 * @param transitions the transitions opened by a version, each with its own context
 * @param batchSize   rows per batch of an in-transaction backfill
 */
public record PlanContext(Migration migration, SchemaView schema,
        Function<Version, List<Transition>> transitions, int batchSize) {

    public PlanContext {
        Objects.requireNonNull(migration, "migration == null");
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(transitions, "transitions == null");
    }

    /** The table as it stands, or a failure naming it (validation guarantees it exists). */
    public TableView table(TableName name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException(
                migration.fileName() + ": table \"" + name + "\" is not in the schema view"));
    }

    /** The generated-object namer of this migration. */
    public GraftNames names() {
        return new GraftNames(migration);
    }

    /** The same context over another schema (the next refactoring of the migration). */
    public PlanContext withSchema(SchemaView next) {
        return new PlanContext(migration, next, transitions, batchSize);
    }
}
