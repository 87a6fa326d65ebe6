package dev.graft.branch.neon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchNames;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Branches of a Neon project: each a copy-on-write timeline of its parent with its own
 * read-write compute, made, reset and deleted through Neon's REST API v2.
 *
 * <pre>{@code
 * try (BranchEngine neon = NeonEngine.connect(NeonConfig.builder().projectId("plain-fog-123456").build());
 *      Branch pr = neon.create(BranchSpec.of("pr-42").parent("production").build())) {
 *     System.out.println(pr.jdbcUrl() + " copied by " + pr.copy());
 * }
 * }</pre>
 *
 * <p>A spec without a parent branches the configured {@link NeonConfig#parentBranch()} (or the
 * project's default branch): a cloud engine never makes an empty database. Every call, its
 * retries and its polls included, ends within {@link dev.graft.branch.cloud.Pacing#deadline()}.
 */
public final class NeonEngine implements BranchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(NeonEngine.class);
    private static final Set<String> BUSY = Set.of("init", "resetting");

    private final NeonConfig config;
    private final NeonApi api;
    private final Poller poller;

    private NeonEngine(NeonConfig config) {
        this.config = config;
        this.api = new NeonApi(config);
        this.poller = new Poller(config.pacing());
    }

    /** An engine for the configured project; nothing is sent until the first call. */
    public static NeonEngine connect(NeonConfig config) {
        return new NeonEngine(Objects.requireNonNull(config, "config == null"));
    }

    @Override
    public String kind() {
        return "neon";
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
        String name = BranchNames.sanitize(spec.name());
        if (!(spec.seed() instanceof Seed.None)) {
            throw new BranchException("neon: create branch \"" + name + "\" failed: a cloud branch cannot be seeded;"
                    + " branch a parent that holds the data instead");
        }
        Deadline deadline = api.deadline();
        Instant start = config.clock().instant();
        JsonNode parent = parent(spec.parent().or(config::parentBranch), name, deadline);
        ObjectNode body = createBody(name, parent.path("id").asText(), expiry(spec, start), at);
        try {
            return made(api.createBranch(name, body, deadline), parent, start, at, deadline);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            JsonNode existing = api.findBranch(name, deadline).orElseThrow(() -> e);
            switch (spec.ifExists()) {
                case REUSE:
                    LOG.info("neon: reusing existing branch \"{}\"", name);
                    return open(existing, Optional.of(Duration.between(start, config.clock().instant())), deadline);
                case REPLACE:
                    LOG.info("neon: replacing existing branch \"{}\"", name);
                    api.deleteBranch(name, existing.path("id").asText(), deadline);
                    return made(api.createBranch(name, body, deadline), parent, start, at, deadline);
                default:
                    throw new BranchException("neon: create branch \"" + name + "\" failed: it exists already"
                            + " (id " + existing.path("id").asText() + "); ask for IfExists.REUSE or REPLACE", e);
            }
        }
    }

    @Override
    public Optional<Branch> get(String name) {
        String stored = BranchNames.sanitize(name);
        Deadline deadline = api.deadline();
        return api.findBranch(stored, deadline).map(branch -> open(branch, Optional.empty(), deadline));
    }

    @Override
    public List<BranchInfo> list() {
        List<JsonNode> branches = api.branches(api.deadline());
        Map<String, String> names = new HashMap<>();
        branches.forEach(b -> names.put(b.path("id").asText(), b.path("name").asText()));
        return branches.stream()
                .map(b -> info(b, Json.text(b, "parent_id").map(id -> names.getOrDefault(id, id)), Optional.empty()))
                .sorted(Comparator.comparing(BranchInfo::createdAt))
                .toList();
    }

    /** Restores the branch from its parent's head (Neon's "reset from parent"); its connection details stay. */
    @Override
    public Branch reset(String name) {
        String stored = BranchNames.sanitize(name);
        Deadline deadline = api.deadline();
        Instant start = config.clock().instant();
        JsonNode branch = api.findBranch(stored, deadline).orElseThrow(() ->
                new BranchException("neon: reset branch \"" + stored + "\" failed: no such branch"));
        String parentId = Json.text(branch, "parent_id").orElseThrow(() -> new BranchException(
                "neon: reset branch \"" + stored + "\" failed: it is a root branch, which has no parent to reset from"));
        String id = branch.path("id").asText();
        api.awaitOperations(api.restore(stored, id, parentId, deadline), stored, deadline);
        JsonNode after = api.branch(id, deadline).orElse(branch);
        return open(after, Optional.of(Duration.between(start, config.clock().instant())), deadline);
    }

    @Override
    public boolean delete(String name) {
        String stored = BranchNames.sanitize(name);
        Deadline deadline = api.deadline();
        Optional<JsonNode> branch = api.findBranch(stored, deadline);
        boolean deleted = branch.isPresent() && api.deleteBranch(stored, branch.get().path("id").asText(), deadline);
        if (deleted) {
            LOG.info("neon: deleted branch \"{}\"", stored);
        }
        return deleted;
    }

    /** Holds no connections or threads; nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "NeonEngine[project " + config.projectId() + "]";
    }

    private Branch made(JsonNode answer, JsonNode parent, Instant start, ParentPoint at, Deadline deadline) {
        JsonNode branch = answer.path("branch");
        String name = branch.path("name").asText();
        api.awaitOperations(answer, name, deadline);
        String endpointId = answer.path("endpoints").path(0).path("id").asText();
        NeonConnection connection = NeonConnection.fromCreateAnswer(answer, config.database(), config.role(), config.pooled())
                .orElseGet(() -> lookUpConnection(branch, endpointId, deadline));
        Duration took = Duration.between(start, config.clock().instant());
        String from = "\"" + parent.path("name").asText() + "\"" + at.lsn().map(l -> " at LSN " + l)
                .or(() -> at.timestamp().map(t -> " as of " + t)).orElse("");
        BranchInfo info = new BranchInfo(name, Optional.of(parent.path("name").asText()),
                Json.instant(branch, "created_at").orElse(start), Json.instant(branch, "expires_at"),
                new CopyReport(CopyMethod.CLONE, took, "neon copy-on-write branch of " + from));
        LOG.info("neon: created branch \"{}\" of {} in {} ms", name, from, took.toMillis());
        return branch(info, connection);
    }

    /** A branch that exists already: make sure it is ready and has a read-write compute, then connect. */
    private Branch open(JsonNode found, Optional<Duration> took, Deadline deadline) {
        String name = found.path("name").asText();
        String id = found.path("id").asText();
        // A branch another run is still making or resetting is not ready to connect to.
        JsonNode branch = poller.await("neon: branch \"" + name + "\"", () -> api.branch(id, deadline).orElseThrow(() ->
                        new BranchException("neon: branch \"" + name + "\" vanished while opening it")),
                b -> !BUSY.contains(b.path("current_state").asText()), b -> b.path("current_state").asText(), deadline);
        String endpointId = api.endpoints(name, id, deadline).stream()
                .filter(e -> "read_write".equals(e.path("type").asText()))
                .map(e -> e.path("id").asText())
                .findFirst()
                .orElseGet(() -> addEndpoint(name, id, deadline));
        NeonConnection connection = lookUpConnection(branch, endpointId, deadline);
        Optional<String> parentName = Json.text(branch, "parent_id")
                .map(p -> api.branch(p, deadline).map(b -> b.path("name").asText()).orElse(p));
        return branch(info(branch, parentName, took), connection);
    }

    private String addEndpoint(String name, String branchId, Deadline deadline) {
        ObjectNode endpoint = endpointSpec().put("branch_id", branchId);
        JsonNode answer = api.createEndpoint(name, endpoint, deadline);
        api.awaitOperations(answer, name, deadline);
        return answer.path("endpoint").path("id").asText();
    }

    private NeonConnection lookUpConnection(JsonNode branch, String endpointId, Deadline deadline) {
        String name = branch.path("name").asText();
        String id = branch.path("id").asText();
        String database = config.database().orElse(null);
        String role = config.role().orElse(null);
        if (database == null || role == null) {
            List<JsonNode> databases = api.databases(name, id, deadline);
            JsonNode chosen = databases.stream()
                    .filter(d -> database == null || database.equals(d.path("name").asText()))
                    .findFirst().orElse(null);
            if (chosen == null || (database == null && databases.size() != 1)) {
                throw new BranchException("neon: connect to branch \"" + name + "\" failed: it has "
                        + databases.size() + " databases " + databases.stream().map(d -> d.path("name").asText()).toList()
                        + "; set the database (and role) in NeonConfig");
            }
            return fetchConnection(name, id, endpointId, chosen.path("name").asText(),
                    role != null ? role : chosen.path("owner_name").asText(), deadline);
        }
        return fetchConnection(name, id, endpointId, database, role, deadline);
    }

    private NeonConnection fetchConnection(String name, String id, String endpointId, String database, String role,
                                           Deadline deadline) {
        return NeonConnection.fromUri(
                api.connectionUri(name, id, endpointId, database, role, config.pooled(), deadline), name);
    }

    private Branch branch(BranchInfo info, NeonConnection connection) {
        return new CloudBranch(info, connection.host(), connection.database(), connection.role(),
                connection.password()::reveal, () -> delete(info.name()));
    }

    private BranchInfo info(JsonNode branch, Optional<String> parentName, Optional<Duration> took) {
        CopyReport copy = parentName.isEmpty()
                ? new CopyReport(CopyMethod.NONE, Duration.ZERO, "neon root branch")
                : new CopyReport(CopyMethod.CLONE, took.orElse(Duration.ZERO), "neon copy-on-write branch of \""
                        + parentName.get() + "\"" + (took.isEmpty() ? " (made earlier)" : ""));
        return new BranchInfo(branch.path("name").asText(), parentName,
                Json.instant(branch, "created_at").orElse(Instant.EPOCH), Json.instant(branch, "expires_at"), copy);
    }

    private JsonNode parent(Optional<String> wanted, String name, Deadline deadline) {
        if (wanted.isEmpty()) {
            return api.branches(deadline).stream().filter(b -> b.path("default").asBoolean()).findFirst()
                    .orElseThrow(() -> new BranchException("neon: create branch \"" + name + "\" failed: project \""
                            + api.project() + "\" has no default branch; name a parent"));
        }
        String given = wanted.get();
        Optional<JsonNode> found = given.startsWith("br-") ? api.branch(given, deadline) : Optional.empty();
        if (found.isEmpty()) {
            found = api.findBranch(given, deadline);
        }
        if (found.isEmpty() && !BranchNames.sanitize(given).equals(given)) {
            found = api.findBranch(BranchNames.sanitize(given), deadline);
        }
        return found.orElseThrow(() -> new BranchException("neon: create branch \"" + name + "\" failed: parent branch \""
                + given + "\" does not exist in project \"" + api.project() + "\""));
    }

    private ObjectNode createBody(String name, String parentId, Optional<Instant> expiresAt, ParentPoint at) {
        ObjectNode branch = Json.object().put("name", name).put("parent_id", parentId);
        at.lsn().ifPresent(lsn -> branch.put("parent_lsn", lsn));
        at.timestamp().ifPresent(t -> branch.put("parent_timestamp", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        expiresAt.ifPresent(t -> branch.put("expires_at", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        ObjectNode body = Json.object();
        body.set("branch", branch);
        body.set("endpoints", Json.array().add(endpointSpec()));
        return body;
    }

    private ObjectNode endpointSpec() {
        ObjectNode endpoint = Json.object().put("type", "read_write");
        config.endpoint().minCu().ifPresent(v -> endpoint.put("autoscaling_limit_min_cu", v));
        config.endpoint().maxCu().ifPresent(v -> endpoint.put("autoscaling_limit_max_cu", v));
        config.endpoint().suspendTimeout().ifPresent(v -> endpoint.put("suspend_timeout_seconds", v.toSeconds()));
        return endpoint;
    }

    /** The spec's TTL, else the configured default; none only when neither has one. */
    private Optional<Instant> expiry(BranchSpec spec, Instant now) {
        return spec.ttl().or(config::defaultTtl).map(now::plus);
    }
}
