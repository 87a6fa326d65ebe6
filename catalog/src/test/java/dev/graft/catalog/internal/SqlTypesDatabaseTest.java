package dev.graft.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.Seed;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The types the catalog accepts offline are column types PostgreSQL 18 takes, tried as
 * {@code CREATE TABLE (x <type>)}, and those it rejects PostgreSQL rejects as types too, tried
 * as {@code CAST(NULL AS <type>)} (where a trailing clause cannot pass as a column constraint),
 * on a real server that has citext and a type of the user's own, {@code public.mood}.
 */
class SqlTypesDatabaseTest {

    private static final List<String> ACCEPTED = List.of("integer", "int", "int4", "bigint", "smallint",
            "double precision", "float(24)", "real", "numeric(10,2)", "numeric(12,-2)", "decimal(5)", "text",
            "varchar", "varchar(20)", "character varying(20)", "char(2)", "boolean", "date",
            "timestamp(3) with time zone", "timestamptz", "time without time zone", "time(3) with time zone",
            "interval", "interval day to second", "interval second(3)", "interval(3)", "text[]", "integer array",
            "integer[3]", "bit(8)", "bit varying(5)", "uuid", "jsonb", "json", "bytea", "inet", "int4range",
            "tstzmultirange", "money", "citext", "public.mood", "pg_catalog.int8", "serial", "bigserial");

    private static final List<String> REJECTED = List.of("varchar(0)", "integer(4)", "integr", "text(5)",
            "numeric(1001)", "int references x", "text default 'x'", "text not null",
            "integer with time zone", "float(54)", "bit(0)", "interval week");

    @Test
    void acceptedTypesArePostgresTypes() throws Exception {
        try (Branch branch = TestServer.engine().create(BranchSpec.root("catalog_sql_types")
                .seed(Seed.sql("CREATE EXTENSION citext; CREATE TYPE mood AS ENUM ('calm', 'tense');")).build());
                Connection connection = branch.connect()) {
            connection.setAutoCommit(false);
            for (String type : ACCEPTED) {
                assertThat(SqlTypes.problem(type, true)).as("offline verdict on %s", type).isEmpty();
                assertThat(TestServer.runs(connection, "CREATE TABLE probe (x " + type + ")")).as("postgresql takes %s", type)
                        .isTrue();
            }
            for (String type : REJECTED) {
                assertThat(SqlTypes.problem(type, true)).as("offline verdict on %s", type).isPresent();
                assertThat(TestServer.runs(connection, "SELECT CAST(NULL AS " + type + ")")).as("postgresql rejects %s", type)
                        .isFalse();
            }
        }
    }

    /**
     * Stricter than PostgreSQL, which reduces the precision to 6 with only a warning, and finds
     * {@code mood} on the search path where the catalog wants {@code public.mood}.
     */
    @Test
    void stricterThanPostgres() {
        assertThat(SqlTypes.problem("mood", true)).isPresent();
        assertThat(SqlTypes.problem("timestamp(7)", true)).hasValue(": the precision of \"timestamp\" must be between 0 and 6");
        assertThat(SqlTypes.problem("timestamp(6)", true)).isEmpty();
    }

    @Test
    void aTypeChangeCannotMakeASerialOrIdentity() {
        assertThat(SqlTypes.problem("bigint generated always as identity", true)).isEmpty();
        assertThat(SqlTypes.problem("bigint generated always as identity", false)).isPresent();
        assertThat(SqlTypes.problem("serial", false)).isPresent();
        assertThat(SqlTypes.problem("bigint", false)).isEmpty();
    }
}
