package dev.graft.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What TypeFit claims offline, asked of a real PostgreSQL 18: every value it rejects for a
 * column type, PostgreSQL rejects too (no false alarm), and every value it lets through that
 * is listed as valid, PostgreSQL stores. The same for conditions of a check constraint.
 */
class TypeFitDatabaseTest {

    /** Value (SQL), column type, whether TypeFit must reject it. */
    private record Case(String value, String type, boolean rejected) { }

    private static final List<Case> VALUES = List.of(
            new Case("'abc'", "bigint", true), new Case("'12'", "bigint", false), new Case("' 12 '", "integer", false),
            new Case("'1e5'", "numeric(10,2)", false), new Case("'1,5'", "numeric(10,2)", true),
            new Case("1", "boolean", true), new Case("'yes'", "boolean", false), new Case("'of'", "boolean", false),
            new Case("'maybe'", "boolean", true), new Case("true", "bigint", true), new Case("true", "text", false),
            new Case("42", "text", false), new Case("0.5", "integer", false), new Case("1", "date", true),
            new Case("'2024-03-01'", "date", false), new Case("'2024-03-01'::text", "date", true),
            new Case("'2024-03-01'::date", "timestamp with time zone", false), new Case("1", "jsonb", true),
            new Case("'{}'", "jsonb", false), new Case("'x'::text", "uuid", true), new Case("1", "interval", true),
            new Case("'AMS'", "varchar(3)", false), new Case("'AMS   '", "varchar(3)", false),
            new Case("'LISBON'", "varchar(3)", true), new Case("'LISBON'", "character(3)", true),
            new Case("'$5.00'", "money", false), new Case("12", "money", false), new Case("'{}'", "text[]", false),
            new Case("1::bigint", "integer", false), new Case("(1 = 1)", "boolean", false),
            new Case("(1 = 1)", "integer", true), new Case("NULL", "boolean", false), new Case("-1", "smallint", false));

    /** Condition (SQL over a column c of type integer), whether TypeFit must reject it. */
    private static final List<Case> CONDITIONS = List.of(new Case("c > 0", "integer", false),
            new Case("c", "integer", true), new Case("c + 1", "integer", true), new Case("0.5", "integer", true),
            new Case("'yes'", "integer", false), new Case("'abc'", "integer", true), new Case("c IS NULL", "integer", false),
            new Case("c::text", "integer", true), new Case("NOT (c = 1)", "integer", false),
            new Case("c::text || 'x'", "integer", true));


    @Test
    void valuesRejectedOfflineAreRejectedByPostgres() throws Exception {
        try (Branch branch = TestServer.engine().create(BranchSpec.root("catalog_typefit_values").build());
                Connection connection = branch.connect()) {
            connection.setAutoCommit(false);
            for (Case c : VALUES) {
                Optional<String> offline = TypeFit.mismatch(shape(c.value()), c.type(), column -> Optional.empty());
                boolean stored = TestServer.runs(connection, "CREATE TEMP TABLE v (x " + c.type() + ") ON COMMIT DROP;"
                        + " INSERT INTO v VALUES (" + c.value() + ")");
                assertThat(offline.isPresent()).as("offline verdict on %s for %s: %s", c.value(), c.type(), offline)
                        .isEqualTo(c.rejected());
                assertThat(stored).as("postgresql stores %s in %s", c.value(), c.type()).isEqualTo(!c.rejected());
            }
        }
    }

    @Test
    void conditionsRejectedOfflineAreRejectedByPostgres() throws Exception {
        try (Branch branch = TestServer.engine().create(BranchSpec.root("catalog_typefit_checks").build());
                Connection connection = branch.connect()) {
            connection.setAutoCommit(false);
            for (Case c : CONDITIONS) {
                Optional<String> offline = TypeFit.notCondition(shape(c.value()),
                        column -> column.equals("c") ? Optional.of(c.type()) : Optional.empty());
                boolean checked = TestServer.runs(connection, "CREATE TEMP TABLE k (c " + c.type() + " CHECK (" + c.value()
                        + ")) ON COMMIT DROP");
                assertThat(offline.isPresent()).as("offline verdict on %s: %s", c.value(), offline)
                        .isEqualTo(c.rejected());
                assertThat(checked).as("postgresql takes %s as a check", c.value()).isEqualTo(!c.rejected());
            }
        }
    }

    private static ValueShape shape(String sql) {
        ExpressionFacts facts = PostgresParser.expression(sql);
        assertThat(facts.rejection()).as("%s parses", sql).isEmpty();
        return facts.shape();
    }
}
