package dev.graft.verifier.shapes;

import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.MergeTables;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.SplitTable;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.verifier.snapshot.SqlNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The two shapes of a transition across two tables keyed 1:1 (split_table, merge_tables): the same
 * columns in the wide table, with the rest of the row, and in the narrow one, keyed by the wide
 * table's primary key. The law: a wide row whose columns are not all NULL has a narrow row holding
 * the same values; one whose columns are all NULL has none, or one holding NULLs.
 *
 * @param kind    the refactoring's key: {@code split_table}
 * @param wide    the table with the rest of the row
 * @param narrow  the table holding only the key and the columns
 * @param columns the columns both hold
 */
public record TableSplit(String kind, TableName wide, TableName narrow, List<String> columns) {

    public TableSplit {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(wide, "wide == null");
        Objects.requireNonNull(narrow, "narrow == null");
        columns = List.copyOf(columns);
    }

    /** The two-table transitions a catalog migration opens, in order. */
    public static List<TableSplit> of(Migration migration) {
        List<TableSplit> splits = new ArrayList<>();
        migration.refactorings().forEach(r -> of(r).ifPresent(splits::add));
        return splits;
    }

    /** The two-table transition of one refactoring, if it is one. */
    public static Optional<TableSplit> of(Refactoring refactoring) {
        if (refactoring instanceof SplitTable s) {
            return Optional.of(new TableSplit("split_table", s.table(), s.into(), s.columns()));
        }
        if (refactoring instanceof MergeTables m) {
            return Optional.of(new TableSplit("merge_tables", m.table(), m.from(), List.of()));
        }
        return Optional.empty();
    }

    /** The same transition over {@code names}: a merge's columns are those the narrow table has but its key. */
    TableSplit withColumns(List<String> names) {
        return new TableSplit(kind, wide, narrow, names);
    }

    /** {@code split_table of customer into customer_address (street, city)}; a merge names the tables the other way. */
    public String title() {
        String moved = " (" + String.join(", ", columns) + ")";
        return "merge_tables".equals(kind) ? kind + " of " + narrow + " into " + wide + moved
                : kind + " of " + wide + " into " + narrow + moved;
    }

    String quotedWide() {
        return SqlNames.qualified(wide.schema(), wide.name());
    }

    String quotedNarrow() {
        return SqlNames.qualified(narrow.schema(), narrow.name());
    }
}
