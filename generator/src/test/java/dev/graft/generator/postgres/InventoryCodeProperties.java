package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.generator.Snapshot;
import dev.graft.generator.TestDatabase;
import dev.graft.generator.plan.SqlIdentifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** The inventory example's expressions, evaluated in PostgreSQL over generated 22-character codes. */
class InventoryCodeProperties {

    private static Branch branch;
    private static Connection connection;
    private static String sql;

    @Property(tries = 200)
    void combineAfterSplitIsIdentity(@ForAll("codes") String code) throws Exception {
        try (PreparedStatement p = connection().prepareStatement(sql)) {
            p.setString(1, code);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(code);
            }
        }
    }

    @Provide
    Arbitrary<String> codes() {
        Arbitrary<String> location = Arbitraries.strings().withCharRange('A', 'Z').ofLength(3)
                .flatMap(letters -> Arbitraries.strings().numeric().ofLength(3).map(digits -> letters + digits));
        Arbitrary<String> batch = Arbitraries.strings().numeric().ofLength(5).map(d -> "B" + d);
        Arbitrary<String> serial = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofLength(8)
                .map(s -> "SN" + s);
        return Combinators.combine(location, batch, serial).as((l, b, s) -> l + b + s);
    }

    private static synchronized Connection connection() throws Exception {
        if (connection == null) {
            SplitColumn split = (SplitColumn) Catalog.read(Path.of("../examples/inventory/src/main/graft")).migrations()
                    .get(1).refactorings().get(0);
            String parts = split.into().stream().map(t -> "(" + t.from().sql() + ") AS " + SqlIdentifier.quote(t.name()))
                    .collect(Collectors.joining(", "));
            sql = "SELECT (" + split.combine().sql() + ") FROM (SELECT " + parts + " FROM (SELECT CAST(? AS varchar(22)) AS "
                    + SqlIdentifier.quote(split.column()) + ") AS old_row) AS new_row";
            branch = TestDatabase.branch("inventory_properties");
            connection = branch.dataSource().getConnection();
            assertThat(Snapshot.query(connection, "SELECT 1")).containsExactly("1");
        }
        return connection;
    }

    @AfterContainer
    static void close() throws Exception {
        if (connection != null) {
            connection.close();
            branch.close();
        }
    }
}
