package dev.graft.branch.neon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graft.branch.Branch;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.cloud.FakeHttp.Request;
import dev.graft.branch.cloud.ParentPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class NeonEngineTest {

    private final FakeNeon fake = new FakeNeon();
    private final NeonEngine engine = NeonEngine.connect(fake.config().build());

    @AfterEach
    void stop() {
        engine.close();
        fake.close();
    }

    @Test
    void createsBranchWithReadWriteEndpointAndDefaultExpiry() {
        Instant before = Instant.now();
        Branch branch = engine.create(BranchSpec.of("pr-42").parent("production").build());

        Request create = only("POST", "/api/v2/projects/" + FakeNeon.PROJECT + "/branches");
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + FakeNeon.KEY);
        assertThat(create.header("Content-Type")).isEqualTo("application/json");
        assertThat(create.header("X-Request-ID")).isNotBlank();
        JsonNode body = create.body();
        assertThat(body.path("branch").path("name").asText()).isEqualTo("pr-42");
        assertThat(body.path("branch").path("parent_id").asText()).isEqualTo(FakeNeon.PRODUCTION_ID);
        String expires = body.path("branch").path("expires_at").asText();
        assertThat(expires).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Instant.parse(expires)).isCloseTo(before.plus(BranchSpec.DEFAULT_TTL), within(5, ChronoUnit.SECONDS));
        assertThat(body.path("endpoints").get(0).path("type").asText()).isEqualTo("read_write");

        String id = fake.byName("pr-42").path("id").asText();
        String host = fake.endpoints.values().stream().filter(e -> e.path("branch_id").asText().equals(id))
                .findFirst().orElseThrow().path("host").asText();
        assertThat(branch.jdbcUrl()).isEqualTo("jdbc:postgresql://" + host + "/neondb?sslmode=require");
        assertThat(branch.user()).isEqualTo("neondb_owner");
        assertThat(branch.password()).isEqualTo("pw-" + id);
        assertThat(branch.dataSource()).isInstanceOf(PGSimpleDataSource.class);
        assertThat(((PGSimpleDataSource) branch.dataSource()).getURL()).startsWith("jdbc:postgresql://" + host);
        assertThat(((PGSimpleDataSource) branch.dataSource()).getPassword()).isEqualTo("pw-" + id);
        BranchInfo info = branch.info();
        assertThat(info.name()).isEqualTo("pr-42");
        assertThat(info.parent()).contains("production");
        assertThat(info.expiresAt()).isPresent();
        assertThat(info.copy().method()).isEqualTo(CopyMethod.CLONE);
        assertThat(info.copy().took()).isPositive();
        // Both operations (create_branch, start_compute) were polled to "finished" before returning.
        assertThat(fake.operations.values()).allSatisfy(q -> assertThat(q.peekFirst()).isEqualTo("finished"));
    }

    @Test
    void specWithoutExpiryGetsNoneAndRootSpecBranchesTheDefaultBranchWithTheConfiguredTtl() {
        engine.create(BranchSpec.of("forever").parent("production").noExpiry().build());
        assertThat(lastCreate().path("branch").has("expires_at")).isFalse();

        try (NeonEngine withDefault = NeonEngine.connect(fake.config().defaultTtl(Duration.ofHours(2)).build())) {
            Instant before = Instant.now();
            Branch main = withDefault.create(BranchSpec.root("main").build());
            JsonNode branch = lastCreate().path("branch");
            assertThat(branch.path("parent_id").asText()).isEqualTo(FakeNeon.PRODUCTION_ID);
            assertThat(Instant.parse(branch.path("expires_at").asText()))
                    .isCloseTo(before.plus(Duration.ofHours(2)), within(5, ChronoUnit.SECONDS));
            assertThat(main.info().parent()).contains("production");
        }
    }

    @Test
    void branchesAParentAtAnLsnOrATimestamp() {
        engine.create(BranchSpec.of("at-lsn").parent("production").build(), ParentPoint.lsn("0/1DE2850"));
        assertThat(lastCreate().path("branch").path("parent_lsn").asText()).isEqualTo("0/1DE2850");
        assertThat(lastCreate().path("branch").has("parent_timestamp")).isFalse();

        engine.create(BranchSpec.of("at-time").parent(FakeNeon.PRODUCTION_ID).build(),
                ParentPoint.timestamp(Instant.parse("2025-07-01T12:00:00.123Z")));
        assertThat(lastCreate().path("branch").path("parent_timestamp").asText()).isEqualTo("2025-07-01T12:00:00Z");
        assertThat(lastCreate().path("branch").path("parent_id").asText()).isEqualTo(FakeNeon.PRODUCTION_ID);
    }

    @Test
    void pollsPastFailedUntilFinished() {
        fake.operationStatuses = List.of("running", "failed", "running", "failed", "finished");
        engine.create(BranchSpec.of("flaky").parent("production").build());

        long polls = fake.http.requests().stream().filter(r -> r.path().contains("/operations/")).count();
        assertThat(polls).isEqualTo(2 * 4); // two operations, four polls each
        assertThat(fake.operations.values()).allSatisfy(q -> assertThat(q.peekFirst()).isEqualTo("finished"));
    }

    @Test
    void treatsSkippedAndCancelledAsTerminal() {
        fake.operationStatuses = List.of("scheduling", "cancelling", "cancelled");
        engine.create(BranchSpec.of("cancelled").parent("production").build());
        fake.operationStatuses = List.of("running", "skipped");
        engine.create(BranchSpec.of("skipped").parent("production").build());
    }

    @Test
    void operationErrorIsAFailureNamingOperationAndBranch() {
        fake.operationStatuses = List.of("running", "failed", "error");
        assertThatThrownBy(() -> engine.create(BranchSpec.of("doomed").parent("production").build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("neon: operation op-")
                .hasMessageContaining("(create_branch) on branch \"doomed\" ended in error")
                .hasMessageContaining("timeline creation failed");
    }

    @Test
    void pollingGivesUpAtTheDeadline() {
        fake.operationStatuses = List.of("running");
        try (NeonEngine hasty = NeonEngine.connect(fake.config().deadline(Duration.ofMillis(300)).build())) {
            assertThatThrownBy(() -> hasty.create(BranchSpec.of("slow").parent("production").build()))
                    .isInstanceOf(BranchException.class)
                    .hasMessageContaining("(create_branch) on branch \"slow\" did not finish within the deadline")
                    .hasMessageContaining("last state: running");
        }
    }

    @Test
    void existingNameFailsByDefault() {
        engine.create(BranchSpec.of("taken").parent("production").build());
        assertThatThrownBy(() -> engine.create(BranchSpec.of("taken").parent("production").build()))
                .isInstanceOf(BranchException.class)
                .hasMessage("neon: create branch \"taken\" failed: it exists already (id "
                        + fake.byName("taken").path("id").asText() + "); ask for IfExists.REUSE or REPLACE");
    }

    @Test
    void existingNameIsReusedOn409() {
        Branch first = engine.create(BranchSpec.of("shared").parent("production").build());
        fake.http.clearRequests();

        Branch again = engine.create(BranchSpec.of("shared").parent("production").ifExists(IfExists.REUSE).build());

        assertThat(fake.branches).hasSize(2);
        assertThat(again.jdbcUrl()).isEqualTo(first.jdbcUrl());
        assertThat(again.password()).isEqualTo(first.password());
        assertThat(again.info().copy().method()).isEqualTo(CopyMethod.CLONE);
        assertThat(fake.http.lines()).contains("POST /api/v2/projects/" + FakeNeon.PROJECT + "/branches",
                "GET /api/v2/projects/" + FakeNeon.PROJECT + "/connection_uri");
        assertThat(fake.http.lines()).doesNotContain("POST /api/v2/projects/" + FakeNeon.PROJECT + "/endpoints");
    }

    @Test
    void existingNameIsReplacedOn409() {
        engine.create(BranchSpec.of("fresh").parent("production").build());
        String oldId = fake.byName("fresh").path("id").asText();

        engine.create(BranchSpec.of("fresh").parent("production").ifExists(IfExists.REPLACE).build());

        assertThat(fake.branches).doesNotContainKey(oldId);
        assertThat(fake.byName("fresh").path("id").asText()).isNotEqualTo(oldId);
        assertThat(fake.http.lines()).contains("DELETE /api/v2/projects/" + FakeNeon.PROJECT + "/branches/" + oldId);
    }

    @Test
    void asksForTheConnectionUriWhenTheCreateAnswerHasNone() {
        fake.omitConnectionUris = true;
        Branch branch = engine.create(BranchSpec.of("many-roles").parent("production").build());

        Request uri = only("GET", "/api/v2/projects/" + FakeNeon.PROJECT + "/connection_uri");
        String id = fake.byName("many-roles").path("id").asText();
        assertThat(uri.query()).contains("branch_id=" + id, "database_name=neondb", "role_name=neondb_owner", "endpoint_id=ep-");
        assertThat(branch.user()).isEqualTo("neondb_owner");
        assertThat(branch.password()).isEqualTo("pw-" + id);
    }

    @Test
    void getsListsResetsAndDeletes() {
        engine.create(BranchSpec.of("pr-1").parent("production").build());
        engine.create(BranchSpec.of("pr-2").parent("production").build());

        assertThat(engine.get("pr-1")).map(Branch::name).contains("pr-1");
        assertThat(engine.get("nope")).isEmpty();
        List<BranchInfo> all = engine.list();
        assertThat(all).extracting(BranchInfo::name).containsExactly("production", "pr-1", "pr-2");
        assertThat(all.get(0).copy().method()).isEqualTo(CopyMethod.NONE);
        assertThat(all.get(1).parent()).contains("production");

        fake.http.clearRequests();
        Branch reset = engine.reset("pr-1");
        Request restore = only("POST", "/api/v2/projects/" + FakeNeon.PROJECT + "/branches/"
                + fake.byName("pr-1").path("id").asText() + "/restore");
        assertThat(restore.body().path("source_branch_id").asText()).isEqualTo(FakeNeon.PRODUCTION_ID);
        assertThat(reset.name()).isEqualTo("pr-1");
        assertThat(fake.operations.values()).allSatisfy(q -> assertThat(q.peekFirst()).isEqualTo("finished"));

        assertThat(engine.delete("pr-2")).isTrue();
        assertThat(engine.delete("pr-2")).isFalse();
        assertThat(fake.byName("pr-2")).isNull();
    }

    @Test
    void resetOfARootBranchIsRefused() {
        assertThatThrownBy(() -> engine.reset("production"))
                .hasMessage("neon: reset branch \"production\" failed: it is a root branch, which has no parent to reset from");
    }

    @Test
    void closingABranchDeletesItOnce() {
        Branch branch = engine.create(BranchSpec.of("short-lived").parent("production").build());
        branch.close();
        branch.close();
        assertThat(fake.byName("short-lived")).isNull();
        assertThat(fake.http.lines().stream().filter(l -> l.startsWith("DELETE"))).hasSize(1);
    }

    @Test
    void deleteAcceptsNoContentForABranchAlreadyGone() {
        engine.create(BranchSpec.of("gone").parent("production").build());
        String id = fake.byName("gone").path("id").asText();
        fake.http.inject("DELETE", ".*/branches/" + id, dev.graft.branch.cloud.FakeHttp.Reply.status(204), 1);
        assertThat(engine.delete("gone")).isFalse();
    }

    @Test
    void sanitizesNamesAndRefusesSeeds() {
        Branch branch = engine.create(BranchSpec.of("PR/42").parent("production").build());
        assertThat(branch.name()).matches("pr_42-[0-9a-f]{8}");
        assertThat(engine.get("PR/42")).isPresent();

        assertThatThrownBy(() -> engine.create(BranchSpec.root("seeded").seed(Seed.sql("select 1")).build()))
                .hasMessageContaining("cannot be seeded");
    }

    @Test
    void unknownParentIsNamed() {
        assertThatThrownBy(() -> engine.create(BranchSpec.of("orphan").parent("staging").build()))
                .hasMessage("neon: create branch \"orphan\" failed: parent branch \"staging\" does not exist in project \""
                        + FakeNeon.PROJECT + "\"");
    }

    private Request only(String method, String path) {
        List<Request> matching = fake.http.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path).hasSize(1);
        return matching.get(0);
    }

    private JsonNode lastCreate() {
        List<Request> creates = fake.http.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/branches")).toList();
        return creates.get(creates.size() - 1).body();
    }
}
