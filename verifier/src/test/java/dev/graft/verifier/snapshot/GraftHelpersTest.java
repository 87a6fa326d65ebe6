package dev.graft.verifier.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.verifier.TestEngine;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The schema diff of a migration that adds user objects and Graft's helpers alike, read from PostgreSQL 18. */
class GraftHelpersTest {

    private static final String BEFORE = """
            CREATE TABLE item (id bigint PRIMARY KEY, qty integer, code text);
            """;

    /** What a generated V2 installs (helpers as the generator writes them) beside what the user asked for. */
    private static final String MIGRATION = """
            ALTER TABLE item ADD COLUMN note text DEFAULT 'none';
            ALTER TABLE item ALTER COLUMN code TYPE varchar(40);
            CREATE FUNCTION audit_item() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER item_audit BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION audit_item();
            CREATE FUNCTION graft_2_item_qty_sync_default(graft_column integer, graft_value anyelement)
                RETURNS anyelement LANGUAGE plpgsql AS $$ BEGIN RETURN graft_value; END $$;
            COMMENT ON FUNCTION graft_2_item_qty_sync_default(integer, anyelement)
                IS 'graft: generated from V2__split.yaml; removed by its contract';
            CREATE FUNCTION item_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            COMMENT ON FUNCTION item_sync() IS 'graft: generated from V2__split.yaml; removed by its contract';
            CREATE TRIGGER graft_2_item_qty_sync BEFORE INSERT OR UPDATE ON item
                FOR EACH ROW EXECUTE FUNCTION item_sync();
            ALTER TABLE item ALTER COLUMN qty SET DEFAULT graft_2_item_qty_sync_default(1, 0);
            """;

    @Test
    void countsTheUsersObjectsAndListsGraftsApart() throws Exception {
        SchemaDiff diff;
        try (Branch db = TestEngine.root("graft-helpers-test", Seed.sql(BEFORE)); Connection c = db.connect();
                Statement s = c.createStatement()) {
            SchemaSnapshot before = SchemaSnapshot.read(c);
            s.execute(MIGRATION);
            diff = before.diff(SchemaSnapshot.read(c));
        }
        assertThat(diff.added()).hasSize(6);

        SchemaDiff users = diff.users();
        assertThat(users.added()).extracting(SchemaObject::name).containsExactlyInAnyOrder(
                "public.item.note", "public.audit_item()", "public.item.item_audit");
        assertThat(users.changed()).extracting(SchemaDiff.Change::name).containsExactly("public.item.code");
        assertThat(users.counts()).isEqualTo("3 added, 0 removed, 1 changed");

        SchemaDiff graft = diff.graftHelpers();
        assertThat(graft.added()).extracting(SchemaObject::name).containsExactlyInAnyOrder(
                "public.graft_2_item_qty_sync_default(graft_column integer, graft_value anyelement)",
                "public.item_sync()",
                "public.item.graft_2_item_qty_sync");
        assertThat(graft.changed()).extracting(SchemaDiff.Change::name)
                .as("a user's column given a transition default").containsExactly("public.item.qty");
    }

    @Test
    void aUsersObjectWhoseNameOnlyMentionsGraftStaysTheUsers() {
        SchemaObject userFunction = new SchemaObject(ObjectKind.FUNCTION, "public.graft_ledger_total(integer)",
                "returns integer comment 'ledger'");
        SchemaObject column = new SchemaObject(ObjectKind.COLUMN, "public.graft_ledger.total", "integer");
        SchemaObject helperTrigger = new SchemaObject(ObjectKind.TRIGGER, "public.item.graft_2_item_qty_sync",
                "CREATE TRIGGER graft_2_item_qty_sync BEFORE INSERT ON public.item");
        assertThat(GraftHelpers.isHelper(column)).as("a table named graft_ledger is the user's").isFalse();
        assertThat(GraftHelpers.isHelper(helperTrigger)).isTrue();
        assertThat(GraftHelpers.isHelper(userFunction)).as("Graft's names carry a version: graft_<v>_").isFalse();
    }
}
