package dev.graft.catalog;

import dev.graft.catalog.refactoring.ReferentialAction;
import dev.graft.catalog.refactoring.TableName;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key of a table.
 *
 * @param name              constraint name
 * @param columns           referencing columns
 * @param referencedTable   the table referred to
 * @param referencedColumns the columns referred to (empty: its primary key)
 * @param onDelete          action on delete
 * @param onUpdate          action on update
 */
public record ForeignKeyView(String name, List<String> columns, TableName referencedTable,
        List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKeyView {
        Objects.requireNonNull(name, "name == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable == null");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete == null");
        Objects.requireNonNull(onUpdate, "onUpdate == null");
    }
}
