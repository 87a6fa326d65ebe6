package dev.graft.catalog.baseline;

import dev.graft.catalog.refactoring.TableName;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment ({@code COMMENT ON}) on a table, a view or a table's column.
 *
 * @param table  the table or view
 * @param column the column, for a column's comment
 * @param text   the comment
 */
public record Comment(TableName table, Optional<String> column, String text) {

    public Comment {
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(text, "text == null");
    }

    /** {@code public.customer} or {@code public.customer.email}: what the comment is on. */
    public String target() {
        return table.qualified() + column.map(c -> "." + c).orElse("");
    }
}
