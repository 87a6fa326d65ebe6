package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;

/**
 * One named refactoring of a catalog migration. Each type is a record named after its YAML key
 * ({@code split_column} is {@link SplitColumn}), in one file with its reading, validation and
 * virtual application; {@link RefactoringTypes} lists them.
 */
public sealed interface Refactoring permits AddColumn, AddForeignKey, ChangeColumnType, Complete, CreateIndex,
        CreateTable, DropColumn, DropTable, InsertData, MakeColumnNotNull, MergeColumns, RenameColumn, RenameTable,
        Sql, SplitColumn, UpdateData,
        SetDefault, DropDefault, DropNotNull, SetComment, AddIdentity, DropIdentity,
        SetReplicaIdentity,
        AddConstraint, DropConstraint, RenameConstraint, DropIndex,
        CreateType, AddEnumValue, RenameEnumValue,
        SplitTable, MergeTables,
        EncapsulateTableWithView,
        IntroduceSoftDelete, IntroduceHistoryTable, IntroduceCalculatedColumn,
        AddLookupTable, IntroduceSurrogateKey {

    /** Where the refactoring's key is written. */
    Location location();

    /**
     * Whether it opens a transition: its migration is the expand, the old shape stays until a
     * later {@code complete} names its version.
     */
    boolean isTransition();

    /** The schema after this refactoring's expand (both shapes, for a transition). */
    SchemaView applyTo(SchemaView before);

    /** The schema after this transition's contract; unchanged for refactorings without one. */
    default SchemaView contract(SchemaView during) {
        return during;
    }

    /** The YAML key: {@code split_column}. */
    default String yamlKey() {
        return RefactoringTypes.of(this).key();
    }
}
