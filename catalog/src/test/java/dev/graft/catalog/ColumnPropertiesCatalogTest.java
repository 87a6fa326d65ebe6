package dev.graft.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.refactoring.AddIdentity;
import dev.graft.catalog.refactoring.DropDefault;
import dev.graft.catalog.refactoring.DropIdentity;
import dev.graft.catalog.refactoring.DropNotNull;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.SetComment;
import dev.graft.catalog.refactoring.SetDefault;
import dev.graft.catalog.refactoring.SetReplicaIdentity;
import dev.graft.catalog.refactoring.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The column-property refactorings of valid/all V30: read into their records, written back the same, applied in order. */
class ColumnPropertiesCatalogTest {

    private static final TableName ACCOUNT = TableName.of("colprops_account");

    private final Migration migration = Catalog.read(ValidCatalogTest.ALL).migrations().stream()
            .filter(m -> m.fileName().equals("V30__column_properties.yaml")).findFirst().orElseThrow();

    private Refactoring at(int index) {
        return migration.refactorings().get(index);
    }

    @Test
    void readsEveryField() {
        SetDefault setDefault = (SetDefault) at(1);
        assertThat(setDefault.defaultValue().sql()).isEqualTo("'active'");
        assertThat(setDefault.location()).isEqualTo(new Location("V30__column_properties.yaml", 10, 5));
        assertThat(((DropDefault) at(2)).column()).isEqualTo("status");
        assertThat(((DropNotNull) at(3)).column()).isEqualTo("email");
        SetComment column = (SetComment) at(4);
        assertThat(column.column()).contains("email");
        assertThat(column.comment()).contains("Where the account's mail goes");
        SetComment table = (SetComment) at(5);
        assertThat(table.column()).isEmpty();
        assertThat(table.comment()).isEmpty();
        AddIdentity identity = (AddIdentity) at(6);
        assertThat(identity.generated()).isEqualTo(AddIdentity.Generated.ALWAYS);
        assertThat(identity.sequence().start()).contains(1000L);
        assertThat(identity.sequence().maxValue()).contains(9_999_999L);
        assertThat(identity.sequence().cache()).contains(20L);
        assertThat(identity.sequence().cycle()).isFalse();
        assertThat(((DropIdentity) at(7)).table()).isEqualTo(ACCOUNT);
        assertThat(((SetReplicaIdentity) at(8)).identity()).isEqualTo(SetReplicaIdentity.Identity.FULL);
        SetReplicaIdentity index = (SetReplicaIdentity) at(9);
        assertThat(index.identity().code()).isEqualTo('i');
        assertThat(index.index()).contains("colprops_account_pkey");
        assertThat(migration.refactorings()).noneMatch(Refactoring::isTransition);
    }

    @Test
    void theSchemaViewFollowsThemInOrder() {
        SchemaView view = SchemaView.empty();
        for (Refactoring r : migration.refactorings().subList(0, 7)) {
            view = view.apply(r);
        }
        TableView account = view.table(ACCOUNT).orElseThrow();
        assertThat(account.column("status").orElseThrow().defaultValue()).isEmpty();
        assertThat(account.column("email").orElseThrow().nullable()).isTrue();
        assertThat(account.column("id").orElseThrow().identity()).contains("always");
        view = view.apply(at(7));
        assertThat(view.table(ACCOUNT).orElseThrow().column("id").orElseThrow().identity()).isEmpty();
        assertThat(SchemaView.empty().apply(at(0)).apply(at(1)).table(ACCOUNT).orElseThrow().column("status")
                .orElseThrow().defaultValue()).isEqualTo(Optional.of("'active'"));
    }

    @Test
    void writesWhatItReads() throws Exception {
        Path dir = Files.createTempDirectory("graft-colprops");
        CatalogWriter.write(migration, dir.resolve(migration.fileName()));
        List<Refactoring> reread = Catalog.read(dir).migrations().get(0).refactorings();
        assertThat(reread).usingRecursiveComparison().ignoringFieldsOfTypes(Location.class)
                .isEqualTo(migration.refactorings());
    }
}
