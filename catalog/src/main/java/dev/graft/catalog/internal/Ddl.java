package dev.graft.catalog.internal;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.TableName;
import java.util.List;

/** What one hand-written SQL statement does to the schema, as far as the parser can tell. */
public sealed interface Ddl {

    record CreateTable(TableName table, List<ColumnView> columns, List<String> primaryKey,
            List<List<String>> uniqueKeys) implements Ddl { }

    record AddColumn(TableName table, ColumnView column) implements Ddl { }

    record DropColumn(TableName table, String column) implements Ddl { }

    record RenameColumn(TableName table, String from, String to) implements Ddl { }

    record RenameTable(TableName table, String to) implements Ddl { }

    record AlterColumnType(TableName table, String column, String type) implements Ddl { }

    record AddKey(TableName table, String name, List<String> columns, boolean primary) implements Ddl { }

    record DropTable(TableName table) implements Ddl { }

    record DropView(TableName view) implements Ddl { }

    record CreateIndex(TableName table, String name, List<String> columns, boolean unique) implements Ddl { }

    record CreateView(TableName view) implements Ddl { }

    /** A statement that leaves tables and columns as they are (DML, grants, functions, comments). */
    record NoEffect() implements Ddl { }

    /** A statement the schema view cannot follow; checks depending on it wait for verify. */
    record Unfollowed(String reason) implements Ddl { }
}
