package dev.graft.branch.lakebase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.branch.cloud.FakeHttp;
import dev.graft.branch.cloud.FakeHttp.Reply;
import dev.graft.branch.cloud.FakeHttp.Request;
import dev.graft.branch.cloud.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stateful Databricks {@code postgres/v1} on a local port: branches with a root
 * {@code production}, long-running operations that are done after a few polls, endpoints whose
 * host appears once started, and credentials whose lifetime a test chooses (expired ones too).
 */
final class FakeLakebase implements AutoCloseable {

    static final String PROJECT = "orders";
    static final String TOKEN = "dapi-test-token-0123456789abcdef";
    static final String USER = "ci-bot@example.com";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROOT = "/api/2.0/postgres/";
    private static final Pattern BRANCHES = Pattern.compile(ROOT + "projects/" + PROJECT + "/branches");
    private static final Pattern BRANCH = Pattern.compile(ROOT + "projects/" + PROJECT + "/branches/([a-z0-9-]+)");
    private static final Pattern ENDPOINTS = Pattern.compile(BRANCH.pattern() + "/endpoints");
    private static final Pattern ENDPOINT = Pattern.compile(BRANCH.pattern() + "/endpoints/([a-z0-9-]+)");

    final FakeHttp http;
    final Map<String, ObjectNode> branches = new LinkedHashMap<>();
    final Map<String, ObjectNode> endpoints = new LinkedHashMap<>();
    final List<String> issuedTokens = new ArrayList<>();
    /** Polls an operation needs before it is done. */
    volatile int pollsPerOperation = 2;
    /** When set, the next operation ends with this error message. */
    volatile String failNextOperation;
    /** How long issued credentials last; negative for ones already expired. */
    volatile Duration credentialLifetime = Duration.ofHours(1);
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private int next = 1;

    private static final class Operation {
        final String name;
        int pollsLeft;
        final Supplier<JsonNode> complete;
        final String error;
        JsonNode response;

        Operation(String name, int polls, Supplier<JsonNode> complete, String error) {
            this.name = name;
            this.pollsLeft = polls;
            this.complete = complete;
            this.error = error;
        }
    }

    FakeLakebase() {
        ObjectNode production = branch("production", MAPPER.createObjectNode().put("no_expiry", true));
        production.put("create_time", "2025-01-01T00:00:00Z");
        ((ObjectNode) production.path("status")).put("current_state", "READY").remove("source_branch");
        branches.put("production", production);
        http = new FakeHttp(this::route);
    }

    LakebaseConfig.Builder config() {
        return LakebaseConfig.builder().environment(name -> null).host(http.base().toString()).token(TOKEN)
                .project(PROJECT)
                .pacing(Pacing.DEFAULT.withPolling(Duration.ofMillis(5), Duration.ofMillis(20))
                        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40)).withDeadline(Duration.ofSeconds(10)));
    }

    private synchronized Reply route(Request request) {
        if (!("Bearer " + TOKEN).equals(request.header("Authorization"))) {
            return error(401, "UNAUTHENTICATED", "invalid access token");
        }
        String path = request.path();
        String method = request.method();
        if (method.equals("GET") && path.equals("/api/2.0/preview/scim/v2/Me")) {
            return Reply.json(200, MAPPER.createObjectNode().put("userName", USER));
        }
        if (method.equals("POST") && path.equals(ROOT + "credentials")) {
            return credential(request.body());
        }
        if (method.equals("GET") && path.contains("/operations/")) {
            return poll(path.substring(ROOT.length()));
        }
        Matcher m;
        if ((m = BRANCHES.matcher(path)).matches()) {
            return method.equals("POST") ? create(query(request.query()).get("branch_id"), request.body()) : list(request.query());
        }
        if ((m = ENDPOINTS.matcher(path)).matches() && method.equals("POST")) {
            return createEndpoint(m.group(1), query(request.query()).get("endpoint_id"), request.body());
        }
        if ((m = ENDPOINT.matcher(path)).matches() && method.equals("GET")) {
            ObjectNode endpoint = endpoints.get(m.group(1) + "/" + m.group(2));
            return endpoint == null ? error(404, "NOT_FOUND", "endpoint not found") : Reply.json(200, endpoint);
        }
        if ((m = BRANCH.matcher(path)).matches()) {
            String id = m.group(1);
            ObjectNode branch = branches.get(id);
            if (branch == null) {
                return error(404, "NOT_FOUND", "Branch " + id + " not found");
            }
            if (method.equals("GET")) {
                return Reply.json(200, branch);
            }
            if (method.equals("DELETE")) {
                return Reply.json(200, operation(id, () -> {
                    branches.remove(id);
                    endpoints.keySet().removeIf(k -> k.startsWith(id + "/"));
                    return MAPPER.createObjectNode();
                }));
            }
        }
        return error(404, "NOT_FOUND", "no route " + method + " " + path);
    }

    private Reply create(String id, JsonNode body) {
        JsonNode spec = body.path("spec");
        int expiries = (spec.has("ttl") ? 1 : 0) + (spec.has("expire_time") ? 1 : 0) + (spec.path("no_expiry").asBoolean() ? 1 : 0);
        if (id == null || expiries != 1) {
            return error(400, "INVALID_PARAMETER_VALUE", "branch_id and exactly one of expire_time, ttl, no_expiry are required");
        }
        if (branches.containsKey(id)) {
            return error(409, "ALREADY_EXISTS", "Branch " + id + " already exists");
        }
        String source = spec.path("source_branch").asText().replaceFirst(".*/", "");
        if (!branches.containsKey(source)) {
            return error(404, "NOT_FOUND", "source branch not found");
        }
        return Reply.json(200, operation(id, () -> {
            ObjectNode branch = branch(id, (ObjectNode) spec.deepCopy());
            branches.put(id, branch);
            return branch;
        }));
    }

    private Reply list(String rawQuery) {
        // Pages of two, to make the client follow next_page_token.
        List<ObjectNode> all = new ArrayList<>(branches.values());
        int from = rawQuery == null ? 0 : Integer.parseInt(query(rawQuery).get("page_token"));
        ArrayNode page = MAPPER.createArrayNode();
        all.subList(from, Math.min(all.size(), from + 2)).forEach(page::add);
        ObjectNode answer = MAPPER.createObjectNode().set("branches", page);
        if (from + 2 < all.size()) {
            answer.put("next_page_token", String.valueOf(from + 2));
        }
        return Reply.json(200, answer);
    }

    private Reply createEndpoint(String branchId, String endpointId, JsonNode body) {
        if (!branches.containsKey(branchId)) {
            return error(404, "NOT_FOUND", "branch not found");
        }
        String key = branchId + "/" + endpointId;
        if (endpoints.containsKey(key)) {
            return error(409, "ALREADY_EXISTS", "endpoint exists");
        }
        ObjectNode endpoint = MAPPER.createObjectNode().put("name", "projects/" + PROJECT + "/branches/" + key);
        endpoint.set("spec", body.path("spec").deepCopy());
        endpoint.set("status", MAPPER.createObjectNode().put("current_state", "INIT"));
        endpoints.put(key, endpoint);
        return Reply.json(200, operation(branchId, () -> {
            ((ObjectNode) endpoint.path("status")).put("current_state", "ACTIVE")
                    .put("host", "ep-" + branchId + ".database.fake.databricks.test");
            return endpoint;
        }));
    }

    private Reply credential(JsonNode body) {
        String endpoint = body.path("endpoint").asText();
        String ttl = body.path("ttl").asText();
        if (!endpoints.containsKey(endpoint.replaceFirst("projects/" + PROJECT + "/branches/", "").replace("/endpoints/", "/"))
                || !ttl.matches("\\d+s")) {
            return error(400, "INVALID_PARAMETER_VALUE", "endpoint and ttl are required: " + body);
        }
        String token = "pgtoken-" + (issuedTokens.size() + 1);
        issuedTokens.add(token);
        return Reply.json(200, MAPPER.createObjectNode().put("token", token)
                .put("expire_time", Instant.now().plus(credentialLifetime).toString()));
    }

    private ObjectNode operation(String branchId, Supplier<JsonNode> complete) {
        String name = "projects/" + PROJECT + "/branches/" + branchId + "/operations/op-" + next++;
        String error = failNextOperation;
        failNextOperation = null;
        operations.put(name, new Operation(name, pollsPerOperation, complete, error));
        return MAPPER.createObjectNode().put("name", name).put("done", false);
    }

    private Reply poll(String name) {
        Operation op = operations.get(name);
        if (op == null) {
            return error(404, "NOT_FOUND", "operation not found");
        }
        ObjectNode answer = MAPPER.createObjectNode().put("name", name);
        if (op.pollsLeft > 0) {
            op.pollsLeft--;
        }
        if (op.pollsLeft > 0) {
            return Reply.json(200, answer.put("done", false));
        }
        answer.put("done", true);
        if (op.error != null) {
            answer.set("error", MAPPER.createObjectNode().put("code", 9).put("message", op.error));
        } else {
            if (op.response == null) {
                op.response = op.complete.get();
            }
            answer.set("response", op.response);
        }
        return Reply.json(200, answer);
    }

    private ObjectNode branch(String id, ObjectNode spec) {
        ObjectNode branch = MAPPER.createObjectNode().put("name", "projects/" + PROJECT + "/branches/" + id)
                .put("uid", "br-uid-" + next++).put("parent", "projects/" + PROJECT)
                .put("create_time", Instant.now().toString());
        branch.set("spec", spec);
        ObjectNode status = MAPPER.createObjectNode().put("current_state", "READY").put("logical_size_bytes", 1024);
        if (spec.has("source_branch")) {
            status.put("source_branch", spec.path("source_branch").asText());
        }
        branch.set("status", status);
        return branch;
    }

    static Reply error(int status, String code, String message) {
        return Reply.json(status, MAPPER.createObjectNode().put("error_code", code).put("message", message))
                .withHeader("x-request-id", "dbx-req-" + status);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }

    @Override
    public void close() {
        http.close();
    }
}
