package dev.graft.catalog.refactoring;

import java.util.List;
import java.util.Optional;

/**
 * The registry: one line per refactoring type. A new type is one new record file and one line
 * here; a test fails if a permitted subtype of {@link Refactoring} has no line.
 */
public final class RefactoringTypes {

    private static final List<RefactoringType<?>> ALL = List.of(
            RefactoringType.of("create_table", CreateTable.class, CreateTable::read, CreateTable::check, CreateTable::write),
            RefactoringType.of("add_column", AddColumn.class, AddColumn::read, AddColumn::check, AddColumn::write),
            RefactoringType.of("rename_column", RenameColumn.class, RenameColumn::read, RenameColumn::check, RenameColumn::write),
            RefactoringType.of("rename_table", RenameTable.class, RenameTable::read, RenameTable::check, RenameTable::write),
            RefactoringType.of("drop_column", DropColumn.class, DropColumn::read, DropColumn::check, DropColumn::write),
            RefactoringType.of("drop_table", DropTable.class, DropTable::read, DropTable::check, DropTable::write),
            RefactoringType.of("change_column_type", ChangeColumnType.class, ChangeColumnType::read, ChangeColumnType::check, ChangeColumnType::write),
            RefactoringType.of("make_column_not_null", MakeColumnNotNull.class, MakeColumnNotNull::read, MakeColumnNotNull::check, MakeColumnNotNull::write),
            RefactoringType.of("add_foreign_key", AddForeignKey.class, AddForeignKey::read, AddForeignKey::check, AddForeignKey::write),
            RefactoringType.of("create_index", CreateIndex.class, CreateIndex::read, CreateIndex::check, CreateIndex::write),
            RefactoringType.of("split_column", SplitColumn.class, SplitColumn::read, SplitColumn::check, SplitColumn::write),
            RefactoringType.of("merge_columns", MergeColumns.class, MergeColumns::read, MergeColumns::check, MergeColumns::write),
            RefactoringType.of("insert_data", InsertData.class, InsertData::read, InsertData::check, InsertData::write),
            RefactoringType.of("update_data", UpdateData.class, UpdateData::read, UpdateData::check, UpdateData::write),
            RefactoringType.of("sql", Sql.class, Sql::read, Sql::check, Sql::write),
            RefactoringType.ofNode("complete", Complete.class, Complete::read, Complete::check, Complete::write),
            RefactoringType.of("add_lookup_table", AddLookupTable.class, AddLookupTable::read, AddLookupTable::check, AddLookupTable::write),
            RefactoringType.of("introduce_surrogate_key", IntroduceSurrogateKey.class, IntroduceSurrogateKey::read, IntroduceSurrogateKey::check, IntroduceSurrogateKey::write));

    private RefactoringTypes() { }

    /** Every registered type, in the order of the catalog format's table. */
    public static List<RefactoringType<?>> all() {
        return ALL;
    }

    /** The type written as {@code key} in YAML. */
    public static Optional<RefactoringType<?>> byKey(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The type of a refactoring record. */
    public static RefactoringType<?> of(Refactoring refactoring) {
        return ALL.stream().filter(t -> t.type().isInstance(refactoring)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no registry entry for " + refactoring.getClass()));
    }

    /** The YAML keys, for "did you mean". */
    public static List<String> keys() {
        return ALL.stream().map(RefactoringType::key).toList();
    }
}
