package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code set_comment: {table, column, comment}}: the comment of a column, or of the table when
 * {@code column} is absent. {@code comment} is plain text, taken as written; {@code null}, an
 * empty text or no {@code comment} at all removes the comment. The schema view keeps no
 * comments, so it is unchanged.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the column, or empty for the table's own comment
 * @param comment  the new comment, or empty to remove it
 */
public record SetComment(Location location, TableName table, Optional<String> column, Optional<String> comment)
        implements Refactoring {

    public SetComment {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(comment, "comment == null");
        comment = comment.filter(text -> !text.isEmpty());
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static SetComment read(Fields in) {
        return new SetComment(in.location(), in.table("table"), in.optionalName("column"), in.optionalString("comment"));
    }

    static void check(SetComment r, Checks c) {
        if (r.comment.filter(text -> text.indexOf('\0') >= 0).isPresent()) {
            c.cannotApply(c.at("comment"), "a comment cannot hold the character NUL");
        }
        c.table(r.table, c.at("table")).ifPresent(t -> r.column.ifPresent(col -> c.column(t, col, c.at("column"))));
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before;
    }

    static YamlOut write(SetComment r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column);
        return r.comment.isPresent() ? out.put("comment", r.comment) : out.putNull("comment");
    }
}
