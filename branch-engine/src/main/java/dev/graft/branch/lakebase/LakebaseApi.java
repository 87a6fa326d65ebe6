package dev.graft.branch.lakebase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.branch.BranchException;
import dev.graft.branch.cloud.ApiCall;
import dev.graft.branch.cloud.ApiClient;
import dev.graft.branch.cloud.ApiException;
import dev.graft.branch.cloud.Deadline;
import dev.graft.branch.cloud.Json;
import dev.graft.branch.cloud.Poller;
import dev.graft.branch.cloud.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Databricks {@code postgres/v1} calls the engine makes, on one project; every answer is raw JSON. */
final class LakebaseApi {

    private static final String ROOT = "/api/2.0/postgres/";

    private final ApiClient client;
    private final Poller poller;
    private final String project;

    LakebaseApi(LakebaseConfig config) {
        this.client = new ApiClient("lakebase", config.host(), config.token(),
                config.workspaceId().map(id -> Map.of("X-Databricks-Workspace-Id", id)).orElse(Map.of()),
                config.pacing(), config.clock(),
                "check the token (GRAFT_DATABRICKS_TOKEN or DATABRICKS_TOKEN) and its access to project \""
                        + config.project() + "\"");
        this.poller = new Poller(config.pacing());
        this.project = config.project();
    }

    Deadline deadline() {
        return client.deadline();
    }

    /** {@code projects/p/branches/b}: the resource name the API speaks in. */
    String branchName(String id) {
        return "projects/" + project + "/branches/" + id;
    }

    String endpointName(String branchId, String endpointId) {
        return branchName(branchId) + "/endpoints/" + endpointId;
    }

    /** Creates the branch and waits for its operation; the answer is the operation's final state. */
    JsonNode createBranch(String id, ObjectNode spec, Deadline deadline) {
        ObjectNode body = Json.object();
        body.set("spec", spec);
        String what = "create branch \"" + id + "\"";
        JsonNode operation = client.send(ApiCall.post(what, ROOT + "projects/" + project + "/branches?branch_id="
                + encode(id), body), deadline).body();
        return await(operation, what, deadline);
    }

    Optional<JsonNode> branch(String id, Deadline deadline) {
        return getIfExists("get branch \"" + id + "\"", ROOT + branchName(id), deadline);
    }

    /** Every branch of the project, following {@code next_page_token}. */
    List<JsonNode> branches(Deadline deadline) {
        List<JsonNode> all = new ArrayList<>();
        String token = null;
        do {
            String path = ROOT + "projects/" + project + "/branches" + (token == null ? "" : "?page_token=" + encode(token));
            JsonNode page = client.send(ApiCall.get("list branches", path), deadline).body();
            page.path("branches").forEach(all::add);
            token = Json.text(page, "next_page_token").orElse(null);
        } while (token != null);
        return all;
    }

    /** Deletes the branch (and its computes) and waits; false when it was already gone. */
    boolean deleteBranch(String id, Deadline deadline) {
        String what = "delete branch \"" + id + "\"";
        try {
            await(client.send(ApiCall.delete(what, ROOT + branchName(id)), deadline).body(), what, deadline);
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Creates the read-write compute of a branch and waits; an existing one (409) is kept. */
    void createEndpoint(String branchId, String endpointId, ObjectNode spec, Deadline deadline) {
        ObjectNode body = Json.object();
        body.set("spec", spec);
        String what = "create endpoint \"" + endpointId + "\" of branch \"" + branchId + "\"";
        try {
            JsonNode operation = client.send(ApiCall.post(what, ROOT + branchName(branchId) + "/endpoints?endpoint_id="
                    + encode(endpointId), body), deadline).body();
            await(operation, what, deadline);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
    }

    Optional<JsonNode> endpoint(String branchId, String endpointId, Deadline deadline) {
        return getIfExists("get endpoint \"" + endpointId + "\" of branch \"" + branchId + "\"",
                ROOT + endpointName(branchId, endpointId), deadline);
    }

    /** A database credential for the endpoint: the token is the Postgres password of the caller's identity. */
    Credential credential(String endpoint, long ttlSeconds, Deadline deadline) {
        ObjectNode body = Json.object().put("endpoint", endpoint).put("ttl", ttlSeconds + "s");
        String what = "get database credentials for " + endpoint;
        JsonNode answer = client.send(ApiCall.post(what, ROOT + "credentials", body), deadline).body();
        String token = Json.text(answer, "token").orElseThrow(() ->
                new BranchException("lakebase: " + what + " failed: the answer has no token"));
        Instant expires = Json.instant(answer, "expire_time").orElseThrow(() ->
                new BranchException("lakebase: " + what + " failed: the answer has no expire_time"));
        return new Credential(Secret.of(token), expires);
    }

    /** Who the token belongs to: that identity is the Postgres role. */
    String currentUser(Deadline deadline) {
        JsonNode me = client.send(ApiCall.get("look up the token's user", "/api/2.0/preview/scim/v2/Me"), deadline).body();
        return Json.text(me, "userName").orElseThrow(() -> new BranchException(
                "lakebase: the workspace did not say who the token belongs to; set the user in LakebaseConfig"));
    }

    /** Polls a long-running operation until {@code done}; its {@code error} becomes a {@link BranchException}. */
    JsonNode await(JsonNode operation, String what, Deadline deadline) {
        String name = operation.path("name").asText("");
        String described = "lakebase: " + what + " (operation " + name + ")";
        JsonNode last = operation;
        if (!done(last, described)) {
            if (name.isEmpty()) {
                throw new BranchException(described + " failed: the answer is not an operation: no name to poll");
            }
            last = poller.await(described, () -> client.send(ApiCall.get("poll operation " + name, ROOT + name), deadline)
                    .body(), op -> done(op, described), op -> "done=false", deadline);
        }
        return last;
    }

    private static boolean done(JsonNode operation, String what) {
        JsonNode error = operation.path("error");
        if (Json.text(error, "message").isPresent() || error.path("code").asInt(0) != 0) {
            throw new BranchException(what + " failed: " + Json.text(error, "message").orElse("(no message)")
                    + " (code " + error.path("code").asText("?") + ")");
        }
        return operation.path("done").asBoolean(false);
    }

    private Optional<JsonNode> getIfExists(String what, String path, Deadline deadline) {
        try {
            return Optional.of(client.send(ApiCall.get(what, path), deadline).body());
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A database credential and when it stops working. */
    record Credential(Secret token, Instant expires) {
    }
}
