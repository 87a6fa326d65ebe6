package dev.graft.verifier.effects;

import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.AddColumn;
import dev.graft.catalog.refactoring.AddConstraint;
import dev.graft.catalog.refactoring.AddForeignKey;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.CreateIndex;
import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.catalog.refactoring.InsertData;
import dev.graft.catalog.refactoring.IntroduceCalculatedColumn;
import dev.graft.catalog.refactoring.IntroduceSurrogateKey;
import dev.graft.catalog.refactoring.MakeColumnNotNull;
import dev.graft.catalog.refactoring.MergeColumns;
import dev.graft.catalog.refactoring.MergeTables;
import dev.graft.catalog.refactoring.Orphans;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RenameColumn;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.catalog.refactoring.SplitTable;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.catalog.refactoring.UpdateData;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Which catalog refactoring, and which of its policies, changed rows of a table. */
final class Causes {

    private static final String UNKNOWN = "the migration";

    private Causes() {
    }

    /** The tables a catalog migration's refactorings write rows of, as {@code schema.name}. */
    static Set<String> tables(Optional<Migration> model) {
        Set<String> tables = new LinkedHashSet<>();
        model.ifPresent(m -> m.refactorings().forEach(r -> table(r).ifPresent(t -> tables.add(qualified(t)))));
        return tables;
    }

    /** The cause of rows changed in {@code table} ({@code column} empty for whole rows). */
    static String of(Optional<Migration> model, String table, String column, RowEffect.Kind kind) {
        if (model.isEmpty()) {
            return UNKNOWN;
        }
        for (Refactoring r : model.get().refactorings()) {
            Optional<String> cause = table(r).filter(t -> qualified(t).equals(table))
                    .flatMap(t -> policy(r, column, kind));
            if (cause.isPresent()) {
                return cause.get() + " (" + r.yamlKey() + " at " + r.location() + ")";
            }
        }
        return model.get().refactorings().stream().filter(r -> table(r).map(Causes::qualified).orElse("").equals(table))
                .findFirst().map(r -> r.yamlKey() + " (at " + r.location() + ")").orElse(UNKNOWN);
    }

    private static Optional<String> policy(Refactoring r, String column, RowEffect.Kind kind) {
        if (r instanceof AddForeignKey fk) {
            if (kind == RowEffect.Kind.DELETED && fk.orphans() == Orphans.DELETE) {
                return Optional.of("orphans: delete");
            }
            return kind == RowEffect.Kind.UPDATED && fk.orphans() == Orphans.NULLIFY && fk.columns().contains(column)
                    ? Optional.of("orphans: nullify") : Optional.empty();
        }
        if (r instanceof MakeColumnNotNull notNull) {
            return notNull.column().equals(column) && notNull.defaultForNulls().isPresent()
                    ? Optional.of("default_for_nulls: " + notNull.defaultForNulls().get().sql()) : Optional.empty();
        }
        if (r instanceof AddColumn add) {
            return add.column().name().equals(column) ? Optional.of(add.from().map(f -> "backfill from: " + f.sql())
                    .orElse("the column's default")) : Optional.empty();
        }
        if (r instanceof IntroduceCalculatedColumn calculated) {
            return calculated.column().equals(column) ? Optional.of("calculated: " + calculated.expression().sql())
                    : Optional.empty();
        }
        if (r instanceof UpdateData update) {
            return update.set().containsKey(column) ? Optional.of("update_data") : Optional.empty();
        }
        if (r instanceof InsertData) {
            return kind == RowEffect.Kind.INSERTED ? Optional.of("insert_data") : Optional.empty();
        }
        if (r instanceof AddConstraint c) {
            return constraintPolicy(c, column, kind);
        }
        if (r instanceof IntroduceSurrogateKey key) {
            return key.column().equals(column) ? Optional.of("numbered by its identity") : Optional.empty();
        }
        return kind == RowEffect.Kind.FILLED ? Optional.of("backfill") : Optional.empty();
    }

    /** The rows {@code up} fixed before a check was validated, and the orphans of a foreign key. */
    private static Optional<String> constraintPolicy(AddConstraint c, String column, RowEffect.Kind kind) {
        if (kind == RowEffect.Kind.UPDATED && c.up().containsKey(column)) {
            return Optional.of("up: " + c.up().get(column).sql());
        }
        if (kind == RowEffect.Kind.DELETED && c.orphans() == Orphans.DELETE) {
            return Optional.of("orphans: delete");
        }
        return kind == RowEffect.Kind.UPDATED && c.orphans() == Orphans.NULLIFY && c.columns().contains(column)
                ? Optional.of("orphans: nullify") : Optional.empty();
    }

    private static Optional<TableName> table(Refactoring r) {
        if (r instanceof AddColumn x) {
            return Optional.of(x.table());
        } else if (r instanceof AddForeignKey x) {
            return Optional.of(x.table());
        } else if (r instanceof ChangeColumnType x) {
            return Optional.of(x.table());
        } else if (r instanceof MakeColumnNotNull x) {
            return Optional.of(x.table());
        } else if (r instanceof MergeColumns x) {
            return Optional.of(x.table());
        } else if (r instanceof SplitColumn x) {
            return Optional.of(x.table());
        } else if (r instanceof RenameColumn x) {
            return Optional.of(x.table());
        } else if (r instanceof UpdateData x) {
            return Optional.of(x.table());
        } else if (r instanceof InsertData x) {
            return Optional.of(x.table());
        } else if (r instanceof DropColumn x) {
            return Optional.of(x.table());
        } else if (r instanceof CreateIndex x) {
            return Optional.of(x.table());
        } else if (r instanceof AddConstraint x) {
            return Optional.of(x.table());
        } else if (r instanceof SplitTable x) {
            return Optional.of(x.into());
        } else if (r instanceof MergeTables x) {
            return Optional.of(x.table());
        } else if (r instanceof IntroduceCalculatedColumn x) {
            return Optional.of(x.table());
        } else if (r instanceof IntroduceSurrogateKey x) {
            return Optional.of(x.table());
        }
        return Optional.empty();
    }

    private static String qualified(TableName t) {
        return t.schema() + "." + t.name();
    }
}
