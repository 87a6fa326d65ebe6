package dev.graft.branch.lakebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graft.branch.Branch;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import dev.graft.branch.cloud.FakeHttp.Request;
import dev.graft.branch.cloud.ParentPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class LakebaseEngineTest {

    private static final String BRANCHES = "/api/2.0/postgres/projects/" + FakeLakebase.PROJECT + "/branches";

    private final FakeLakebase fake = new FakeLakebase();
    private final LakebaseEngine engine = LakebaseEngine.connect(fake.config().build());

    @AfterEach
    void stop() {
        engine.close();
        fake.close();
    }

    @Test
    void createsBranchWithExpiryEndpointAndCredentials() {
        Branch branch = engine.create(BranchSpec.of("pr-42").parent("production").build());

        Request create = only("POST", BRANCHES);
        assertThat(create.query()).isEqualTo("branch_id=pr-42");
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + FakeLakebase.TOKEN);
        JsonNode spec = create.body().path("spec");
        assertThat(spec.path("source_branch").asText()).isEqualTo("projects/orders/branches/production");
        assertThat(spec.path("ttl").asText()).isEqualTo("86400s");
        assertThat(spec.has("no_expiry")).isFalse();
        assertThat(spec.has("expire_time")).isFalse();

        Request endpoint = only("POST", BRANCHES + "/pr-42/endpoints");
        assertThat(endpoint.query()).isEqualTo("endpoint_id=rw");
        assertThat(endpoint.body().path("spec").path("endpoint_type").asText()).isEqualTo("ENDPOINT_TYPE_READ_WRITE");
        Request credentials = only("POST", "/api/2.0/postgres/credentials");
        assertThat(credentials.body().path("endpoint").asText()).isEqualTo("projects/orders/branches/pr-42/endpoints/rw");
        assertThat(credentials.body().path("ttl").asText()).isEqualTo("3600s");
        assertThat(fake.http.lines()).containsSubsequence("POST " + BRANCHES,
                "GET " + BRANCHES + "/pr-42/operations/op-2", "GET " + BRANCHES + "/pr-42/operations/op-2",
                "POST " + BRANCHES + "/pr-42/endpoints", "GET " + BRANCHES + "/pr-42/operations/op-4",
                "POST /api/2.0/postgres/credentials");

        assertThat(branch.jdbcUrl())
                .isEqualTo("jdbc:postgresql://ep-pr-42.database.fake.databricks.test/databricks_postgres?sslmode=require");
        assertThat(branch.user()).isEqualTo(FakeLakebase.USER);
        assertThat(branch.password()).isEqualTo("pgtoken-1");
        assertThat(branch.dataSource()).isInstanceOf(PGSimpleDataSource.class);
        BranchInfo info = branch.info();
        assertThat(info.name()).isEqualTo("pr-42");
        assertThat(info.parent()).contains("production");
        assertThat(info.copy().method()).isEqualTo(CopyMethod.CLONE);
        assertThat(info.copy().took()).isPositive();
        assertThat(info.expiresAt()).hasValueSatisfying(e ->
                assertThat(e).isEqualTo(info.createdAt().plus(BranchSpec.DEFAULT_TTL)));
    }

    @Test
    void saysNoExpiryExplicitlyAndUsesAConfiguredUserAndParentPoint() {
        try (LakebaseEngine configured = LakebaseEngine.connect(fake.config().user("analyst").build())) {
            Branch branch = configured.create(BranchSpec.root("staging").build(),
                    ParentPoint.timestamp(Instant.parse("2025-07-01T12:00:00.5Z")));
            JsonNode spec = only("POST", BRANCHES).body().path("spec");
            assertThat(spec.path("no_expiry").asBoolean()).isTrue();
            assertThat(spec.has("ttl")).isFalse();
            assertThat(spec.path("source_branch_time").asText()).isEqualTo("2025-07-01T12:00:00Z");
            assertThat(branch.user()).isEqualTo("analyst");
            assertThat(fake.http.lines()).doesNotContain("GET /api/2.0/preview/scim/v2/Me");
        }
        engine.create(BranchSpec.of("at-lsn").parent("production").build(), ParentPoint.lsn("0/1DE2850"));
        assertThat(lastCreate().path("spec").path("source_branch_lsn").asText()).isEqualTo("0/1DE2850");
    }

    @Test
    void mapsUnderscoresToHyphensKeepingNamesApart() {
        Branch underscored = engine.create(BranchSpec.of("pr_42").parent("production").build());
        Branch hyphenated = engine.create(BranchSpec.of("pr-42").parent("production").build());

        assertThat(underscored.name()).matches("pr-42-[0-9a-f]{8}");
        assertThat(hyphenated.name()).isEqualTo("pr-42");
        assertThat(LakebaseEngine.branchId("PR/42")).matches("pr-42-[0-9a-f]{8}-[0-9a-f]{8}");
        assertThat(engine.get("pr_42")).map(Branch::name).contains(underscored.name());
    }

    @Test
    void operationErrorBecomesABranchExceptionWithTheServiceMessage() {
        fake.failNextOperation = "source branch is archived";
        assertThatThrownBy(() -> engine.create(BranchSpec.of("doomed").parent("production").build()))
                .isInstanceOf(BranchException.class)
                .hasMessage("lakebase: create branch \"doomed\" (operation projects/orders/branches/doomed/operations/op-2)"
                        + " failed: source branch is archived (code 9)");
    }

    @Test
    void operationThatNeverFinishesGivesUpAtTheDeadline() {
        fake.pollsPerOperation = 1_000_000;
        try (LakebaseEngine hasty = LakebaseEngine.connect(fake.config().deadline(Duration.ofMillis(300)).build())) {
            assertThatThrownBy(() -> hasty.create(BranchSpec.of("slow").parent("production").build()))
                    .hasMessageContaining("lakebase: create branch \"slow\" (operation ")
                    .hasMessageContaining("did not finish within the deadline");
        }
    }

    @Test
    void existingBranchFailsIsReusedOrIsReplaced() {
        Branch first = engine.create(BranchSpec.of("shared").parent("production").build());
        assertThatThrownBy(() -> engine.create(BranchSpec.of("shared").parent("production").build()))
                .hasMessageStartingWith("lakebase: create branch \"shared\" failed: it exists already")
                .hasRootCauseMessage("lakebase: create branch \"shared\" failed: HTTP 409 ALREADY_EXISTS: Branch shared"
                        + " already exists (request id dbx-req-409)");

        Branch reused = engine.create(BranchSpec.of("shared").parent("production").ifExists(IfExists.REUSE).build());
        assertThat(reused.jdbcUrl()).isEqualTo(first.jdbcUrl());
        String uid = fake.branches.get("shared").path("uid").asText();

        engine.create(BranchSpec.of("shared").parent("production").ifExists(IfExists.REPLACE).build());
        assertThat(fake.branches.get("shared").path("uid").asText()).isNotEqualTo(uid);
        assertThat(fake.http.lines()).contains("DELETE " + BRANCHES + "/shared");
    }

    @Test
    void refreshesCredentialsBeforeTheyExpire() {
        Branch branch = engine.create(BranchSpec.of("long-run").parent("production").build());
        PGSimpleDataSource source = (PGSimpleDataSource) branch.dataSource();
        assertThat(branch.password()).isEqualTo("pgtoken-1");
        assertThat(source.getPassword()).isEqualTo("pgtoken-1");
        assertThat(fake.issuedTokens).hasSize(1);

        // Tokens that expire inside the 5-minute margin are replaced at the next use.
        fake.credentialLifetime = Duration.ofMinutes(-1);
        fake.issuedTokens.clear();
        Branch expiring = engine.create(BranchSpec.of("expiring").parent("production").build());
        assertThat(expiring.password()).isEqualTo("pgtoken-2");
        assertThat(((PGSimpleDataSource) expiring.dataSource()).getPassword()).isEqualTo("pgtoken-3");

        fake.credentialLifetime = Duration.ofMinutes(2);
        assertThat(expiring.password()).isEqualTo("pgtoken-4");
        fake.credentialLifetime = Duration.ofHours(1);
        assertThat(expiring.password()).isEqualTo("pgtoken-5");
        assertThat(expiring.password()).isEqualTo("pgtoken-5");
        assertThat(branch.password()).isEqualTo("pgtoken-1");
    }

    @Test
    void keepsAStillValidCredentialWhenARefreshFails() {
        fake.credentialLifetime = Duration.ofMinutes(2);
        try (LakebaseEngine hasty = LakebaseEngine.connect(fake.config().deadline(Duration.ofSeconds(2)).build())) {
            Branch branch = hasty.create(BranchSpec.of("steady").parent("production").build());
            String token = fake.issuedTokens.get(fake.issuedTokens.size() - 1);
            fake.http.inject("POST", "/api/2.0/postgres/credentials", FakeLakebase.error(503, "TEMPORARILY_UNAVAILABLE", "busy"), 10_000);

            assertThat(branch.password()).isEqualTo(token);
            assertThat(branch.toString()).doesNotContain(token);
        }
    }

    @Test
    void getsListsAcrossPagesResetsAndDeletes() {
        engine.create(BranchSpec.of("pr-1").parent("production").ttl(Duration.ofHours(2)).build());
        engine.create(BranchSpec.of("pr-2").parent("production").build());
        engine.create(BranchSpec.of("pr-3").parent("pr-2").build());

        assertThat(engine.get("pr-1")).map(Branch::name).contains("pr-1");
        assertThat(engine.get("nope")).isEmpty();
        List<BranchInfo> all = engine.list();
        assertThat(all).extracting(BranchInfo::name).containsExactly("production", "pr-1", "pr-2", "pr-3");
        assertThat(all.get(0).copy().method()).isEqualTo(CopyMethod.NONE);
        assertThat(all.get(3).parent()).contains("pr-2");
        assertThat(fake.http.lines().stream().filter(l -> l.equals("GET " + BRANCHES))).hasSize(2);

        fake.http.clearRequests();
        Branch reset = engine.reset("pr-1");
        assertThat(fake.http.lines()).containsSubsequence("DELETE " + BRANCHES + "/pr-1", "POST " + BRANCHES);
        assertThat(lastCreate().path("spec").path("ttl").asText()).isEqualTo("7200s");
        assertThat(lastCreate().path("spec").path("source_branch").asText()).isEqualTo("projects/orders/branches/production");
        assertThat(reset.info().parent()).contains("production");

        assertThat(engine.delete("pr-3")).isTrue();
        assertThat(engine.delete("pr-3")).isFalse();
        assertThatThrownBy(() -> engine.reset("production")).hasMessageContaining("has no source branch");
    }

    @Test
    void closingABranchDeletesItOnce() {
        Branch branch = engine.create(BranchSpec.of("short-lived").parent("production").build());
        branch.close();
        branch.close();
        assertThat(fake.branches).doesNotContainKey("short-lived");
        assertThat(fake.http.lines().stream().filter(l -> l.startsWith("DELETE"))).hasSize(1);
    }

    @Test
    void retriesThrottlingAndNamesFailuresWithoutTheToken() {
        fake.http.inject("POST", BRANCHES, FakeLakebase.error(429, "RESOURCE_EXHAUSTED", "too many requests"), 2);
        fake.http.inject("POST", "/api/2.0/postgres/credentials", FakeLakebase.error(503, "TEMPORARILY_UNAVAILABLE", "busy"), 1);
        engine.create(BranchSpec.of("patient").parent("production").build());
        assertThat(fake.http.lines().stream().filter(l -> l.equals("POST " + BRANCHES))).hasSize(3);

        LakebaseConfig wrong = fake.config().token("dapi-wrong-token-99").build();
        assertThat(wrong.toString()).doesNotContain("dapi-wrong-token-99").contains("token=****");
        assertThatThrownBy(() -> LakebaseEngine.connect(wrong).get("patient"))
                .hasMessage("lakebase: get branch \"patient\" failed: HTTP 401 UNAUTHENTICATED: invalid access token"
                        + " (request id dbx-req-401); check the token (GRAFT_DATABRICKS_TOKEN or DATABRICKS_TOKEN)"
                        + " and its access to project \"orders\"");
    }

    @Test
    void unknownParentIsNamed() {
        assertThatThrownBy(() -> engine.create(BranchSpec.of("orphan").parent("staging").build()))
                .hasMessage("lakebase: create branch \"orphan\" failed: parent branch \"staging\" does not exist in project \"orders\"");
    }

    private Request only(String method, String path) {
        List<Request> matching = fake.http.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path).hasSize(1);
        return matching.get(0);
    }

    private JsonNode lastCreate() {
        List<Request> creates = fake.http.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(BRANCHES)).toList();
        return creates.get(creates.size() - 1).body();
    }
}
