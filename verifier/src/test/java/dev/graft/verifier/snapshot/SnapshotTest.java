package dev.graft.verifier.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.verifier.TestEngine;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static Branch db;

    @BeforeAll
    static void seed() {
        db = TestEngine.root("snapshot-test", Seed.sql("""
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
                CREATE SEQUENCE ticket_seq INCREMENT 5;
                CREATE TABLE item (id bigint PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x', qty positive,
                    m mood, CONSTRAINT name_not_blank CHECK (name <> ''));
                COMMENT ON TABLE item IS 'things';
                COMMENT ON COLUMN item.name IS 'what it is called';
                CREATE INDEX item_name_idx ON item (name);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE VIEW big_items AS SELECT id, name FROM item WHERE qty > 10;
                INSERT INTO item VALUES (1, 'a', 1, 'ok'), (2, 'b', 20, 'sad');
                """));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void readsEveryKindOfObjectFromPgCatalog() throws Exception {
        SchemaSnapshot snapshot;
        try (Connection c = db.connect()) {
            snapshot = SchemaSnapshot.read(c);
        }
        assertThat(snapshot.find(ObjectKind.TABLE, "public.item")).get().extracting(SchemaObject::definition)
                .asString().contains("comment 'things'");
        assertThat(snapshot.find(ObjectKind.COLUMN, "public.item.name")).get().extracting(SchemaObject::definition)
                .isEqualTo("character varying(20) not null default 'x'::character varying comment 'what it is called'");
        assertThat(snapshot.find(ObjectKind.CONSTRAINT, "public.item.name_not_blank")).isPresent();
        assertThat(snapshot.find(ObjectKind.CONSTRAINT, "public.item.item_pkey")).isPresent();
        assertThat(snapshot.find(ObjectKind.INDEX, "public.item_name_idx")).isPresent();
        assertThat(snapshot.find(ObjectKind.TRIGGER, "public.item.item_touch")).isPresent();
        assertThat(snapshot.find(ObjectKind.FUNCTION, "public.touch()")).isPresent();
        assertThat(snapshot.find(ObjectKind.VIEW, "public.big_items")).isPresent();
        assertThat(snapshot.find(ObjectKind.SEQUENCE, "public.ticket_seq")).get().extracting(SchemaObject::definition)
                .asString().contains("increment 5");
        assertThat(snapshot.find(ObjectKind.TYPE, "public.mood")).get().extracting(SchemaObject::definition)
                .isEqualTo("enum ('sad', 'ok')");
        assertThat(snapshot.find(ObjectKind.TYPE, "public.positive")).get().extracting(SchemaObject::definition)
                .asString().startsWith("domain integer CHECK");
    }

    @Test
    void theDiffNamesWhatWasAddedRemovedAndChanged() throws Exception {
        try (Branch copy = TestEngine.get().create(dev.graft.branch.BranchSpec.of("snapshot-diff").parent(db.name()).build())) {
            SchemaSnapshot before;
            SchemaSnapshot after;
            try (Connection c = copy.connect(); Statement s = c.createStatement()) {
                before = SchemaSnapshot.read(c);
                s.execute("ALTER TABLE item ADD COLUMN note text");
                s.execute("DROP INDEX item_name_idx");
                s.execute("ALTER TABLE item ALTER COLUMN name SET DEFAULT 'y'");
                after = SchemaSnapshot.read(c);
            }
            SchemaDiff diff = before.diff(after);
            assertThat(diff.added()).extracting(SchemaObject::key).containsExactly("column public.item.note");
            assertThat(diff.removed()).extracting(SchemaObject::key).containsExactly("index public.item_name_idx");
            assertThat(diff.changed()).extracting(SchemaDiff.Change::name).containsExactly("public.item.name");
            assertThat(diff.lines()).hasSize(3);
            assertThat(after.diff(after).isEmpty()).isTrue();
        }
    }

    @Test
    void fingerprintsSeeRowChangesButNotRowOrder() throws Exception {
        try (Branch copy = TestEngine.get().create(dev.graft.branch.BranchSpec.of("snapshot-data").parent(db.name()).build());
             Connection c = copy.connect(); Statement s = c.createStatement()) {
            DataFingerprint before = DataFingerprint.read(c, Set.of());
            s.execute("UPDATE item SET name = name WHERE id = 1"); // a new row version, same content
            s.execute("CLUSTER item USING item_pkey");
            assertThat(DataFingerprint.read(c, Set.of()).differingTables(before)).isEmpty();
            s.execute("UPDATE item SET name = 'c' WHERE id = 1");
            DataFingerprint after = DataFingerprint.read(c, Set.of());
            assertThat(after.differingTables(before)).containsExactly("public.item");
            assertThat(DataFingerprint.read(c, Set.of("item")).tables()).isEmpty();
            assertThat(after.rows()).isEqualTo(2);
        }
    }
}
