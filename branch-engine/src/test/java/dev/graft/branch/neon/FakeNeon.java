package dev.graft.branch.neon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.branch.cloud.FakeHttp;
import dev.graft.branch.cloud.FakeHttp.Reply;
import dev.graft.branch.cloud.FakeHttp.Request;
import dev.graft.branch.cloud.Pacing;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stateful Neon API v2 on a local port, speaking the documented shapes: branches with a
 * default root {@code production}, operations that take several polls, 423 for a mutation while
 * an operation runs (as Neon does), 409 for a taken name, 401 for a bad key.
 */
final class FakeNeon implements AutoCloseable {

    static final String PROJECT = "plain-fog-123456";
    static final String KEY = "neon-test-key-0123456789abcdef";
    static final String PRODUCTION_ID = "br-production-000001";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern BRANCH = Pattern.compile("/projects/" + PROJECT + "/branches/([^/]+)(/\\w+)?");

    final FakeHttp http;
    final Map<String, ObjectNode> branches = new LinkedHashMap<>();
    final Map<String, ObjectNode> endpoints = new LinkedHashMap<>();
    final Map<String, Deque<String>> operations = new LinkedHashMap<>();
    final Map<String, String> operationActions = new LinkedHashMap<>();
    /** The statuses an operation reports, poll after poll; the last one stays. */
    volatile List<String> operationStatuses = List.of("running", "finished");
    volatile boolean omitConnectionUris;
    private int next = 1;

    FakeNeon() {
        ObjectNode production = MAPPER.createObjectNode().put("id", PRODUCTION_ID).put("name", "production")
                .put("current_state", "ready").put("default", true).put("protected", false)
                .put("created_at", "2025-01-01T00:00:00Z");
        branches.put(PRODUCTION_ID, production);
        addEndpoint(PRODUCTION_ID);
        http = new FakeHttp(this::route);
    }

    NeonConfig.Builder config() {
        return NeonConfig.builder().environment(name -> null).apiKey(KEY).projectId(PROJECT)
                .baseUrl(http.base().resolve("/api/v2"))
                .pacing(Pacing.DEFAULT.withPolling(Duration.ofMillis(5), Duration.ofMillis(20))
                        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40)).withDeadline(Duration.ofSeconds(10)));
    }

    synchronized ObjectNode byName(String name) {
        return branches.values().stream().filter(b -> b.path("name").asText().equals(name)).findFirst().orElse(null);
    }

    private synchronized Reply route(Request request) {
        if (!("Bearer " + KEY).equals(request.header("Authorization"))) {
            return error(401, "authentication failed: the key " + request.header("Authorization") + " is not valid");
        }
        String path = request.path().replaceFirst("^/api/v2", "");
        String prefix = "/projects/" + PROJECT;
        boolean mutation = !request.method().equals("GET");
        if (mutation && operations.values().stream().anyMatch(q -> !terminal(q.peekFirst()))) {
            return error(423, "project already has running conflicting operations, scheduling of new ones is prohibited");
        }
        if (path.equals(prefix + "/branches")) {
            return request.method().equals("POST") ? create(request.body()) : list(request.query());
        }
        if (path.startsWith(prefix + "/operations/")) {
            return poll(path.substring(path.lastIndexOf('/') + 1));
        }
        if (path.equals(prefix + "/endpoints") && request.method().equals("POST")) {
            String branchId = request.body().path("endpoint").path("branch_id").asText();
            ObjectNode endpoint = addEndpoint(branchId);
            ObjectNode answer = MAPPER.createObjectNode().set("endpoint", endpoint);
            answer.set("operations", MAPPER.createArrayNode().add(operation("start_compute", branchId)));
            return Reply.json(201, answer);
        }
        if (path.equals(prefix + "/connection_uri")) {
            Map<String, String> q = query(request.query());
            ObjectNode endpoint = endpoints.get(q.get("endpoint_id"));
            if (endpoint == null || q.get("database_name") == null || q.get("role_name") == null) {
                return error(400, "endpoint_id, database_name and role_name are required");
            }
            String host = endpoint.path("host").asText();
            return Reply.json(200, MAPPER.createObjectNode().put("uri", "postgresql://" + q.get("role_name") + ":pw-"
                    + q.get("branch_id") + "@" + host + "/" + q.get("database_name") + "?sslmode=require"));
        }
        Matcher m = BRANCH.matcher(path);
        if (!m.matches()) {
            return error(404, "no route " + path);
        }
        ObjectNode branch = branches.get(m.group(1));
        String sub = m.group(2) == null ? "" : m.group(2);
        if (branch == null) {
            return request.method().equals("DELETE") ? Reply.status(204) : error(404, "branch not found");
        }
        switch (request.method() + " " + sub) {
            case "GET ":
                return Reply.json(200, MAPPER.createObjectNode().set("branch", branch));
            case "DELETE ": {
                branches.remove(m.group(1));
                endpoints.values().removeIf(e -> e.path("branch_id").asText().equals(m.group(1)));
                ObjectNode answer = MAPPER.createObjectNode().set("branch", branch);
                answer.set("operations", MAPPER.createArrayNode().add(operation("suspend_compute", m.group(1)))
                        .add(operation("delete_timeline", m.group(1))));
                return Reply.json(200, answer);
            }
            case "POST /restore": {
                if (!request.body().path("source_branch_id").asText().equals(branch.path("parent_id").asText())) {
                    return error(400, "source_branch_id must be the parent in this fake");
                }
                ObjectNode answer = MAPPER.createObjectNode().set("branch", branch);
                answer.set("operations", MAPPER.createArrayNode().add(operation("restore_branch", m.group(1))));
                return Reply.json(200, answer);
            }
            case "GET /endpoints": {
                ArrayNode list = MAPPER.createArrayNode();
                endpoints.values().stream().filter(e -> e.path("branch_id").asText().equals(m.group(1))).forEach(list::add);
                return Reply.json(200, MAPPER.createObjectNode().set("endpoints", list));
            }
            case "GET /databases":
                return Reply.json(200, MAPPER.createObjectNode().set("databases", MAPPER.createArrayNode()
                        .add(MAPPER.createObjectNode().put("name", "neondb").put("owner_name", "neondb_owner"))));
            default:
                return error(404, "no route " + request.method() + " " + path);
        }
    }

    private Reply create(JsonNode body) {
        JsonNode spec = body.path("branch");
        String name = spec.path("name").asText();
        if (byName(name) != null) {
            return error(409, "branch already exists");
        }
        if (spec.has("parent_lsn") && spec.has("parent_timestamp")) {
            return error(400, "parent_lsn and parent_timestamp are mutually exclusive");
        }
        String id = "br-fake-" + String.format("%06d", next++);
        ObjectNode branch = ((ObjectNode) spec.deepCopy()).put("id", id).put("current_state", "init")
                .put("pending_state", "ready").put("created_at", Instant.now().toString()).put("default", false);
        branches.put(id, branch);
        ObjectNode answer = MAPPER.createObjectNode().set("branch", branch);
        ArrayNode ops = MAPPER.createArrayNode().add(operation("create_branch", id));
        ArrayNode eps = MAPPER.createArrayNode();
        for (JsonNode ignored : body.path("endpoints")) {
            ObjectNode endpoint = addEndpoint(id);
            eps.add(endpoint);
            ops.add(operation("start_compute", id).put("endpoint_id", endpoint.path("id").asText()).put("status", "scheduling"));
        }
        answer.set("endpoints", eps);
        answer.set("operations", ops);
        if (!omitConnectionUris && !eps.isEmpty()) {
            String host = eps.get(0).path("host").asText();
            ObjectNode params = MAPPER.createObjectNode().put("database", "neondb").put("password", "pw-" + id)
                    .put("role", "neondb_owner").put("host", host).put("pooler_host", host.replace(".fake", "-pooler.fake"));
            ObjectNode uri = MAPPER.createObjectNode()
                    .put("connection_uri", "postgresql://neondb_owner:pw-" + id + "@" + host + "/neondb?sslmode=require");
            uri.set("connection_parameters", params);
            answer.set("connection_uris", MAPPER.createArrayNode().add(uri));
        }
        return Reply.json(201, answer);
    }

    private Reply list(String rawQuery) {
        String search = query(rawQuery).getOrDefault("search", "");
        ArrayNode list = MAPPER.createArrayNode();
        branches.values().stream().filter(b -> b.path("name").asText().contains(search)
                || b.path("id").asText().contains(search)).forEach(list::add);
        ObjectNode answer = MAPPER.createObjectNode().set("branches", list);
        answer.set("annotations", MAPPER.createObjectNode());
        answer.set("pagination", MAPPER.createObjectNode().put("next", "cursor-after-last"));
        return Reply.json(200, answer);
    }

    private Reply poll(String id) {
        Deque<String> states = operations.get(id);
        if (states == null) {
            return error(404, "operation not found");
        }
        if (states.size() > 1) {
            states.removeFirst();
        }
        String status = states.peekFirst();
        if (terminal(status)) {
            // Neon's branch becomes ready once its operations finish.
            branches.values().forEach(b -> b.put("current_state", "ready").remove("pending_state"));
        }
        ObjectNode op = MAPPER.createObjectNode().put("id", id).put("action", operationActions.get(id))
                .put("status", status).put("failures_count", status.equals("failed") ? 1 : 0);
        if (status.equals("error")) {
            op.put("error", "timeline creation failed on the pageserver");
        }
        return Reply.json(200, MAPPER.createObjectNode().set("operation", op));
    }

    private ObjectNode operation(String action, String branchId) {
        String id = "op-" + String.format("%04d", next++);
        operations.put(id, new ArrayDeque<>(operationStatuses));
        operationActions.put(id, action);
        return MAPPER.createObjectNode().put("id", id).put("action", action).put("branch_id", branchId)
                .put("status", operationStatuses.get(0));
    }

    private ObjectNode addEndpoint(String branchId) {
        String id = "ep-fake-" + String.format("%04d", next++);
        ObjectNode endpoint = MAPPER.createObjectNode().put("id", id).put("branch_id", branchId).put("type", "read_write")
                .put("host", id + ".fake.neon.test");
        endpoints.put(id, endpoint);
        return endpoint;
    }

    private static boolean terminal(String status) {
        return status == null || status.equals("finished") || status.equals("skipped") || status.equals("cancelled")
                || status.equals("error");
    }

    static Reply error(int status, String message) {
        return Reply.json(status, MAPPER.createObjectNode().put("code", "").put("message", message)
                .put("request_id", "req-" + status));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    @Override
    public void close() {
        http.close();
    }
}
