package dev.graft.verifier.effects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.Check;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.Verifier;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.VerifyRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rows each migration changed, end to end on PostgreSQL 18: {@code scenarios/effects} has 20
 * orders, of which 4, 7 and 9 reference a missing customer and 2 and 3 have no quantity, and 12
 * order lines, of which 11 and 12 belong to a missing order. {@code migrations/} is the generator's
 * output for {@code catalog/}.
 */
class DataEffectsTest {

    private static final Path SCENARIO = TestEngine.scenario("effects");
    private static final Path REPORTS = Path.of(System.getProperty("graft.build.dir", "target"), "graft", "effects");
    private static Branch parent;
    private static VerificationReport report;

    @BeforeAll
    static void verify() {
        parent = TestEngine.root("effects-parent", Seed.flyway("filesystem:" + SCENARIO.resolve("seed")));
        report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).skip(Check.PREFIX_REPLAY).reportDirectory(REPORTS)
                        .build())
                .verify(VerifyRequest.builder().location(SCENARIO.resolve("migrations"))
                        .catalog(Catalog.read(SCENARIO.resolve("catalog"))).build());
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static MigrationResult migration(String version) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow();
    }

    private static RowEffect effect(String version, String table, String column) {
        return migration(version).dataEffects().effects().stream()
                .filter(e -> e.table().equals(table) && e.column().equals(column)).findFirst().orElseThrow();
    }

    @Test
    void orphansNullifyIsThreeOrdersWithTheirKeys() {
        RowEffect nullified = effect("2", "public.orders", "customer_id");
        assertThat(nullified.kind()).isEqualTo(RowEffect.Kind.UPDATED);
        assertThat(nullified.rows()).isEqualTo(3);
        assertThat(nullified.firstKeys()).containsExactly("4", "7", "9");
        assertThat(nullified.cause()).startsWith("orphans: nullify (add_foreign_key at V2__link_orders.yaml:");
    }

    @Test
    void orphansDeleteIsTwoLines() {
        RowEffect deleted = effect("2", "public.order_lines", "");
        assertThat(deleted.kind()).isEqualTo(RowEffect.Kind.DELETED);
        assertThat(deleted.rows()).isEqualTo(2);
        assertThat(deleted.firstKeys()).containsExactly("11", "12");
        assertThat(deleted.cause()).startsWith("orphans: delete");
    }

    @Test
    void onlyTheRowsThatChangedAreCounted() {
        // the 17 orders with a customer and the 10 lines with an order are untouched
        assertThat(migration("2").dataEffects().effects()).hasSize(2);
    }

    @Test
    void defaultForNullsAndTheBackfillAreCountedPerColumn() {
        RowEffect defaulted = effect("3", "public.orders", "qty");
        assertThat(defaulted.rows()).isEqualTo(2);
        assertThat(defaulted.firstKeys()).containsExactly("2", "3");
        assertThat(defaulted.cause()).startsWith("default_for_nulls: 1 (make_column_not_null at ");
        RowEffect backfilled = effect("3", "public.orders", "weight");
        assertThat(backfilled.kind()).isEqualTo(RowEffect.Kind.FILLED);
        assertThat(backfilled.rows()).as("every order has a quantity by then").isEqualTo(20);
        assertThat(backfilled.firstKeys()).containsExactly("1", "2", "3", "4", "5");
        assertThat(backfilled.cause()).startsWith("backfill from: qty * 10 (add_column at ");
        assertThat(migration("3").dataEffects().effects()).hasSize(2);
    }

    @Test
    void theReportsStateTheEffects() throws Exception {
        String md = Files.readString(REPORTS.resolve("graft-verify.md"));
        assertThat(md).contains("**Rows changed**")
                .contains("| public.orders | `customer_id` | 3 | changed | orphans: nullify (add_foreign_key at")
                .contains("| 4, 7, 9 |")
                .contains("| public.order_lines |  | 2 | deleted | orphans: delete");
        JsonNode json = new ObjectMapper().readTree(REPORTS.resolve("graft-verify.json").toFile());
        JsonNode v2 = null;
        for (JsonNode m : json.get("migrations")) {
            if (m.get("version").asText().equals("2")) {
                v2 = m;
            }
        }
        assertThat(v2).isNotNull();
        JsonNode first = v2.get("data_effects").get(0);
        assertThat(List.of(first.get("table").asText(), first.get("column").asText(), first.get("rows").asText()))
                .containsExactly("public.orders", "customer_id", "3");
        assertThat(first.get("first_keys").toString()).isEqualTo("[\"4\",\"7\",\"9\"]");
        assertThat(v2.get("data_effects").get(1).get("change").asText()).isEqualTo("deleted");
    }
}
