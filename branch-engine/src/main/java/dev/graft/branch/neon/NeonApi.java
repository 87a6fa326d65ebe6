package dev.graft.branch.neon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.branch.BranchException;
import dev.graft.branch.cloud.ApiCall;
import dev.graft.branch.cloud.ApiClient;
import dev.graft.branch.cloud.ApiException;
import dev.graft.branch.cloud.Deadline;
import dev.graft.branch.cloud.Json;
import dev.graft.branch.cloud.Poller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Neon API v2 calls the engine makes, on one project; every answer is raw JSON. */
final class NeonApi {

    /** Neon's terminal operation states; {@code failed} is not one: Neon retries it. */
    private static final Set<String> TERMINAL = Set.of("finished", "skipped", "cancelled");
    private static final int PAGE = 10_000;

    private final ApiClient client;
    private final Poller poller;
    private final String project;

    NeonApi(NeonConfig config) {
        this.client = new ApiClient("neon", config.baseUrl(), config.apiKey(), Map.of(), config.pacing(),
                config.clock(), "check the API key (GRAFT_NEON_API_KEY or NEON_API_KEY) and that it may access project \""
                        + config.projectId() + "\"");
        this.poller = new Poller(config.pacing());
        this.project = config.projectId();
    }

    Deadline deadline() {
        return client.deadline();
    }

    String project() {
        return project;
    }

    JsonNode createBranch(String name, ObjectNode body, Deadline deadline) {
        return client.send(ApiCall.post("create branch \"" + name + "\"", branches(), body), deadline).body();
    }

    /** The branch of exactly that name; Neon's {@code search} also matches parts of names and ids. */
    Optional<JsonNode> findBranch(String name, Deadline deadline) {
        String path = branches() + "?search=" + encode(name) + "&limit=" + PAGE;
        JsonNode page = client.send(ApiCall.get("find branch \"" + name + "\"", path), deadline).body();
        for (JsonNode branch : page.path("branches")) {
            if (name.equals(branch.path("name").asText())) {
                return Optional.of(branch);
            }
        }
        return Optional.empty();
    }

    Optional<JsonNode> branch(String id, Deadline deadline) {
        try {
            return Optional.of(client.send(ApiCall.get("get branch " + id, branches() + "/" + id), deadline)
                    .body().path("branch"));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every branch of the project, oldest first, following the pagination cursor. */
    List<JsonNode> branches(Deadline deadline) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = branches() + "?sort_by=created_at&sort_order=asc&limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonNode page = client.send(ApiCall.get("list branches", path), deadline).body();
            page.path("branches").forEach(all::add);
            cursor = page.path("branches").size() < PAGE ? null : Json.text(page.path("pagination"), "next").orElse(null);
        } while (cursor != null);
        return all;
    }

    JsonNode restore(String name, String id, String sourceId, Deadline deadline) {
        ObjectNode body = Json.object().put("source_branch_id", sourceId);
        return client.send(ApiCall.post("reset branch \"" + name + "\"", branches() + "/" + id + "/restore", body),
                deadline).body();
    }

    /** Deletes the branch; false when it was already gone (204 or 404). */
    boolean deleteBranch(String name, String id, Deadline deadline) {
        try {
            var response = client.send(ApiCall.delete("delete branch \"" + name + "\"", branches() + "/" + id), deadline);
            if (response.status() == 204) {
                return false;
            }
            awaitOperations(response.body(), name, deadline);
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    List<JsonNode> endpoints(String name, String branchId, Deadline deadline) {
        JsonNode body = client.send(ApiCall.get("list endpoints of branch \"" + name + "\"",
                branches() + "/" + branchId + "/endpoints"), deadline).body();
        List<JsonNode> list = new ArrayList<>();
        body.path("endpoints").forEach(list::add);
        return list;
    }

    JsonNode createEndpoint(String name, ObjectNode endpoint, Deadline deadline) {
        ObjectNode body = Json.object();
        body.set("endpoint", endpoint);
        return client.send(ApiCall.post("create endpoint for branch \"" + name + "\"",
                "/projects/" + project + "/endpoints", body), deadline).body();
    }

    List<JsonNode> databases(String name, String branchId, Deadline deadline) {
        JsonNode body = client.send(ApiCall.get("list databases of branch \"" + name + "\"",
                branches() + "/" + branchId + "/databases"), deadline).body();
        List<JsonNode> list = new ArrayList<>();
        body.path("databases").forEach(list::add);
        return list;
    }

    String connectionUri(String name, String branchId, String endpointId, String database, String role, boolean pooled,
                         Deadline deadline) {
        String path = "/projects/" + project + "/connection_uri?branch_id=" + encode(branchId)
                + "&endpoint_id=" + encode(endpointId) + "&database_name=" + encode(database)
                + "&role_name=" + encode(role) + (pooled ? "&pooled=true" : "");
        JsonNode body = client.send(ApiCall.get("get connection URI of branch \"" + name + "\"", path), deadline).body();
        return Json.text(body, "uri").orElseThrow(() -> new BranchException(
                "neon: get connection URI of branch \"" + name + "\" failed: the answer has no \"uri\""));
    }

    /**
     * Polls every operation in a mutation's answer to a terminal state, so that nothing connects
     * to, or mutates, a branch that Neon is still changing (Neon would answer 423).
     */
    void awaitOperations(JsonNode response, String name, Deadline deadline) {
        for (JsonNode operation : response.path("operations")) {
            String id = operation.path("id").asText();
            String what = "neon: operation " + id + " (" + operation.path("action").asText("?") + ") on branch \"" + name + "\"";
            if (!settled(operation, what)) {
                poller.await(what, () -> client.send(ApiCall.get("poll operation " + id,
                                "/projects/" + project + "/operations/" + id), deadline).body().path("operation"),
                        op -> settled(op, what), op -> op.path("status").asText("?"), deadline);
            }
        }
    }

    private static boolean settled(JsonNode operation, String what) {
        String status = operation.path("status").asText("");
        if (status.equals("error")) {
            String detail = Json.text(operation, "error").map(e -> ": " + e).orElse("");
            throw new BranchException(what + " ended in error" + detail + " (after "
                    + operation.path("failures_count").asInt(0) + " failed attempts)");
        }
        return TERMINAL.contains(status);
    }

    private String branches() {
        return "/projects/" + project + "/branches";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
