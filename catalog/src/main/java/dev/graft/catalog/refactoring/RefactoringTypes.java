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
            RefactoringType.of("set_default", SetDefault.class, SetDefault::read, SetDefault::check, SetDefault::write),
            RefactoringType.of("drop_default", DropDefault.class, DropDefault::read, DropDefault::check, DropDefault::write),
            RefactoringType.of("drop_not_null", DropNotNull.class, DropNotNull::read, DropNotNull::check, DropNotNull::write),
            RefactoringType.of("set_comment", SetComment.class, SetComment::read, SetComment::check, SetComment::write),
            RefactoringType.of("add_identity", AddIdentity.class, AddIdentity::read, AddIdentity::check, AddIdentity::write),
            RefactoringType.of("drop_identity", DropIdentity.class, DropIdentity::read, DropIdentity::check, DropIdentity::write),
            RefactoringType.of("set_replica_identity", SetReplicaIdentity.class, SetReplicaIdentity::read, SetReplicaIdentity::check, SetReplicaIdentity::write),
            RefactoringType.of("add_constraint", AddConstraint.class, AddConstraint::read, AddConstraint::check, AddConstraint::write),
            RefactoringType.of("drop_constraint", DropConstraint.class, DropConstraint::read, DropConstraint::check, DropConstraint::write),
            RefactoringType.of("rename_constraint", RenameConstraint.class, RenameConstraint::read, RenameConstraint::check, RenameConstraint::write),
            RefactoringType.of("drop_index", DropIndex.class, DropIndex::read, DropIndex::check, DropIndex::write),
            RefactoringType.of("create_type", CreateType.class, CreateType::read, CreateType::check, CreateType::write),
            RefactoringType.of("add_enum_value", AddEnumValue.class, AddEnumValue::read, AddEnumValue::check, AddEnumValue::write),
            RefactoringType.of("rename_enum_value", RenameEnumValue.class, RenameEnumValue::read, RenameEnumValue::check, RenameEnumValue::write),
            RefactoringType.of("split_table", SplitTable.class, SplitTable::read, SplitTable::check, SplitTable::write),
            RefactoringType.of("merge_tables", MergeTables.class, MergeTables::read, MergeTables::check, MergeTables::write),
            RefactoringType.of("encapsulate_table_with_view", EncapsulateTableWithView.class, EncapsulateTableWithView::read, EncapsulateTableWithView::check, EncapsulateTableWithView::write),
            RefactoringType.of("introduce_soft_delete", IntroduceSoftDelete.class, IntroduceSoftDelete::read, IntroduceSoftDelete::check, IntroduceSoftDelete::write),
            RefactoringType.of("introduce_history_table", IntroduceHistoryTable.class, IntroduceHistoryTable::read, IntroduceHistoryTable::check, IntroduceHistoryTable::write),
            RefactoringType.of("introduce_calculated_column", IntroduceCalculatedColumn.class, IntroduceCalculatedColumn::read, IntroduceCalculatedColumn::check, IntroduceCalculatedColumn::write),
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
