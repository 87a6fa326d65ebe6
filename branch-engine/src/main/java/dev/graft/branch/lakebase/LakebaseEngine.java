package dev.graft.branch.lakebase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.CopyReport;
import dev.graft.branch.Seed;
import dev.graft.branch.cloud.ApiException;
import dev.graft.branch.cloud.CloudBranch;
import dev.graft.branch.cloud.Deadline;
import dev.graft.branch.cloud.Json;
import dev.graft.branch.cloud.ParentPoint;
import dev.graft.branch.cloud.Poller;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Branches of a Databricks Lakebase (Autoscaling) project, made through the {@code postgres/v1}
 * API: each a copy-on-write branch with its own read-write compute, reached with short-lived
 * OAuth credentials that the branch's {@link Branch#dataSource()} refreshes before they expire.
 *
 * <pre>{@code
 * try (BranchEngine lakebase = LakebaseEngine.connect(LakebaseConfig.builder().project("orders").build());
 *      Branch pr = lakebase.create(BranchSpec.of("pr-42").parent("production").build())) {
 *     try (Connection c = pr.connect()) { ... }
 * }
 * }</pre>
 *
 * <p>Branch ids are {@code [a-z0-9-]}: see {@link #branchId(String)}. Lakebase has no "reset
 * from parent" call in its API, so {@link #reset(String)} deletes the branch and makes it anew
 * from the same parent, with the same id and lifetime; its host may change.
 */
public final class LakebaseEngine implements BranchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LakebaseEngine.class);

    private final LakebaseConfig config;
    private final LakebaseApi api;
    private final Poller poller;
    private volatile String user;

    private LakebaseEngine(LakebaseConfig config) {
        this.config = config;
        this.api = new LakebaseApi(config);
        this.poller = new Poller(config.pacing());
        this.user = config.user().orElse(null);
    }

    /** An engine for the configured project; nothing is sent until the first call. */
    public static LakebaseEngine connect(LakebaseConfig config) {
        return new LakebaseEngine(Objects.requireNonNull(config, "config == null"));
    }

    /** The Lakebase branch id a requested name maps to: sanitized, with {@code _} turned into {@code -}. */
    public static String branchId(String name) {
        return LakebaseIds.of(name);
    }

    @Override
    public String kind() {
        return "lakebase";
    }

    /** A cloud branch is a copy of data that lives in the cloud: it is never seeded from here. */
    @Override
    public boolean canSeed() {
        return false;
    }

    @Override
    public Branch create(BranchSpec spec) {
        return create(spec, config.parentPoint());
    }

    /** Creates a branch that starts from its parent at {@code at} (an LSN or a moment), not at its head. */
    public Branch create(BranchSpec spec, ParentPoint at) {
        Objects.requireNonNull(spec, "spec == null");
        Objects.requireNonNull(at, "at == null");
        String id = LakebaseIds.of(spec.name());
        if (!(spec.seed() instanceof Seed.None)) {
            throw new BranchException("lakebase: create branch \"" + id + "\" failed: a cloud branch cannot be seeded;"
                    + " branch a parent that holds the data instead");
        }
        Deadline deadline = api.deadline();
        Instant start = config.clock().instant();
        String parent = parent(spec.parent().orElse(config.sourceBranch()), id, deadline);
        ObjectNode body = spec(parent, spec.ttl().or(config::defaultTtl), at);
        try {
            api.createBranch(id, body, deadline);
        } catch (ApiException e) {
            if (!exists(e)) {
                throw e;
            }
            switch (spec.ifExists()) {
                case REUSE:
                    LOG.info("lakebase: reusing existing branch \"{}\"", id);
                    return open(id, Optional.of(start), deadline);
                case REPLACE:
                    LOG.info("lakebase: replacing existing branch \"{}\"", id);
                    api.deleteBranch(id, deadline);
                    api.createBranch(id, body, deadline);
                    break;
                default:
                    throw new BranchException("lakebase: create branch \"" + id + "\" failed: it exists already;"
                            + " ask for IfExists.REUSE or REPLACE", e);
            }
        }
        Branch branch = open(id, Optional.of(start), deadline);
        LOG.info("lakebase: created branch \"{}\" of \"{}\" in {} ms", id, parent, branch.copy().took().toMillis());
        return branch;
    }

    @Override
    public Optional<Branch> get(String name) {
        String id = LakebaseIds.of(name);
        Deadline deadline = api.deadline();
        return api.branch(id, deadline).map(b -> open(id, Optional.empty(), deadline));
    }

    @Override
    public List<BranchInfo> list() {
        return api.branches(api.deadline()).stream()
                .map(b -> info(b, Optional.empty()))
                .sorted(Comparator.comparing(BranchInfo::createdAt))
                .toList();
    }

    @Override
    public Branch reset(String name) {
        String id = LakebaseIds.of(name);
        Deadline deadline = api.deadline();
        Instant start = config.clock().instant();
        JsonNode branch = api.branch(id, deadline).orElseThrow(() ->
                new BranchException("lakebase: reset branch \"" + id + "\" failed: no such branch"));
        String parent = source(branch).orElseThrow(() -> new BranchException("lakebase: reset branch \"" + id
                + "\" failed: it has no source branch to reset from"));
        Optional<Duration> lifetime = Json.text(branch.path("spec"), "ttl").map(LakebaseEngine::seconds)
                .or(() -> expiry(branch).flatMap(e -> Json.instant(branch, "create_time").map(c -> Duration.between(c, e))));
        api.deleteBranch(id, deadline);
        api.createBranch(id, spec(parent, lifetime, ParentPoint.head()), deadline);
        LOG.info("lakebase: reset branch \"{}\" from \"{}\"", id, parent);
        return open(id, Optional.of(start), deadline);
    }

    @Override
    public boolean delete(String name) {
        String id = LakebaseIds.of(name);
        boolean deleted = api.deleteBranch(id, api.deadline());
        if (deleted) {
            LOG.info("lakebase: deleted branch \"{}\"", id);
        }
        return deleted;
    }

    /** Holds no connections or threads; nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "LakebaseEngine[" + config.host().getHost() + " project " + config.project() + "]";
    }

    /** Gives the branch a read-write compute, waits for its host, and fetches a first credential. */
    private Branch open(String id, Optional<Instant> start, Deadline deadline) {
        String endpointId = config.endpoint().id();
        ObjectNode compute = Json.object().put("endpoint_type", "ENDPOINT_TYPE_READ_WRITE");
        config.endpoint().minCu().ifPresent(v -> compute.put("autoscaling_limit_min_cu", v));
        config.endpoint().maxCu().ifPresent(v -> compute.put("autoscaling_limit_max_cu", v));
        if (api.endpoint(id, endpointId, deadline).isEmpty()) {
            api.createEndpoint(id, endpointId, compute, deadline);
        }
        String what = "lakebase: endpoint \"" + endpointId + "\" of branch \"" + id + "\"";
        JsonNode endpoint = poller.await(what, () -> api.endpoint(id, endpointId, deadline).orElseThrow(() ->
                        new BranchException(what + " vanished while starting")),
                e -> Json.text(e.path("status"), "host").isPresent(),
                e -> e.path("status").path("current_state").asText("no host yet"), deadline);
        DatabaseCredential password = new DatabaseCredential(api, api.endpointName(id, endpointId),
                config.credentialTtl(), config.refreshMargin(), config.clock());
        password.get();
        JsonNode branch = api.branch(id, deadline).orElseThrow(() ->
                new BranchException("lakebase: branch \"" + id + "\" vanished while opening it"));
        BranchInfo info = info(branch, start.map(s -> Duration.between(s, config.clock().instant())));
        return new CloudBranch(info, endpoint.path("status").path("host").asText(), config.database(),
                user(deadline), password, () -> delete(id));
    }

    private String user(Deadline deadline) {
        String known = user;
        if (known == null) {
            known = api.currentUser(deadline);
            user = known;
        }
        return known;
    }

    private BranchInfo info(JsonNode branch, Optional<Duration> took) {
        String id = branch.path("name").asText().replaceFirst(".*/", "");
        Optional<String> parent = source(branch);
        CopyReport copy = parent.isEmpty()
                ? new CopyReport(CopyMethod.NONE, Duration.ZERO, "lakebase root branch")
                : new CopyReport(CopyMethod.CLONE, took.orElse(Duration.ZERO), "lakebase copy-on-write branch of \""
                        + parent.get() + "\"" + (took.isEmpty() ? " (made earlier)" : ""));
        return new BranchInfo(id, parent, Json.instant(branch, "create_time").orElse(Instant.EPOCH), expiry(branch), copy);
    }

    /** Databricks says "already exists" as HTTP 409, with {@code ALREADY_EXISTS} or {@code RESOURCE_ALREADY_EXISTS}. */
    private static boolean exists(ApiException e) {
        return e.status() == 409 || e.code().filter(c -> c.endsWith("ALREADY_EXISTS")).isPresent();
    }

    private static Optional<String> source(JsonNode branch) {
        return Json.text(branch.path("status"), "source_branch").or(() -> Json.text(branch.path("spec"), "source_branch"))
                .map(s -> s.replaceFirst(".*/", ""));
    }

    private static Optional<Instant> expiry(JsonNode branch) {
        return Json.instant(branch.path("status"), "expire_time").or(() -> Json.instant(branch.path("spec"), "expire_time"))
                .or(() -> Json.text(branch.path("spec"), "ttl").flatMap(ttl ->
                        Json.instant(branch, "create_time").map(c -> c.plus(seconds(ttl)))));
    }

    private String parent(String wanted, String id, Deadline deadline) {
        String mapped = LakebaseIds.of(wanted);
        if (LakebaseIds.isValid(wanted) && !wanted.equals(mapped) && api.branch(wanted, deadline).isPresent()) {
            return wanted;
        }
        if (api.branch(mapped, deadline).isEmpty()) {
            throw new BranchException("lakebase: create branch \"" + id + "\" failed: parent branch \"" + wanted
                    + "\" does not exist in project \"" + config.project() + "\"");
        }
        return mapped;
    }

    /** The branch spec: an expiry is mandatory in this API, so "none" is said explicitly. */
    private ObjectNode spec(String parent, Optional<Duration> ttl, ParentPoint at) {
        ObjectNode spec = Json.object().put("source_branch", api.branchName(parent));
        at.lsn().ifPresent(lsn -> spec.put("source_branch_lsn", lsn));
        at.timestamp().ifPresent(t -> spec.put("source_branch_time", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        if (ttl.isPresent()) {
            spec.put("ttl", ttl.get().toSeconds() + "s");
        } else {
            spec.put("no_expiry", true);
        }
        return spec;
    }

    private static Duration seconds(String protobufDuration) {
        return Duration.ofMillis(Math.round(Double.parseDouble(protobufDuration.replaceAll("s$", "")) * 1000));
    }
}
