package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** add_lookup_table: the codes become rows of a reference table, a foreign key, unknown codes added by a trigger. */
class AddLookupTablePlanTest {

    static final String TABLES = """
            refactorings:
              - create_table:
                  table: parcel
                  columns: [ { name: id, type: bigint, nullable: false }, { name: status, type: varchar(12) } ]
                  primary_key: id
            """;

    @Test
    void codesBecomeRowsAndNewCodesWrittenByTheOldShapeAreAdded() throws Exception {
        try (Scenario s = Scenario.of("lookup_code", TABLES, "refactorings:\n  - add_lookup_table: { table: parcel,"
                + " column: status, lookup: { table: parcel_status } }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO parcel VALUES (1, 'sent'), (2, 'sent'), (3, NULL), (4, 'lost')");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT status FROM parcel_status ORDER BY 1")).containsExactly("lost", "sent");
            assertThat(s.schema()).contains("constraint parcel parcel_status_fkey FOREIGN KEY (status)"
                    + " REFERENCES parcel_status(status)");
            s.execute("INSERT INTO parcel VALUES (5, 'returned'); UPDATE parcel SET status = 'held' WHERE id = 3;"
                    + " UPDATE parcel SET status = NULL WHERE id = 4");
            assertThat(s.query("SELECT status FROM parcel_status ORDER BY 1"))
                    .containsExactly("held", "lost", "returned", "sent");
            assertThatThrownBy(() -> s.execute("DELETE FROM parcel_status WHERE status = 'sent'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("parcel_status_fkey");
        }
    }

    @Test
    void aSurrogateKeyKeepsTheCodesUnique() throws Exception {
        try (Scenario s = Scenario.of("lookup_key", TABLES, "refactorings:\n  - add_lookup_table: { table: parcel,"
                + " column: status, lookup: { table: parcel_state, value: code, key: id } }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO parcel VALUES (1, 'sent'), (2, 'lost'), (3, 'sent')");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT code FROM parcel_state ORDER BY 1")).containsExactly("lost", "sent");
            s.execute("INSERT INTO parcel VALUES (4, 'held'), (5, 'held')");
            assertThat(s.query("SELECT count(*) || ':' || count(DISTINCT id) FROM parcel_state")).containsExactly("3:3");
            assertThat(s.schema()).contains("constraint parcel parcel_status_fkey FOREIGN KEY (status)"
                    + " REFERENCES parcel_state(code)");
        }
    }
}
