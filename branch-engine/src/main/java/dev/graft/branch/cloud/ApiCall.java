package dev.graft.branch.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One request to a cloud service.
 *
 * @param action what is being done, for messages: {@code create branch "pr-42"}
 * @param method the HTTP method
 * @param path the path and query below the client's base URL, already encoded
 * @param body the JSON body, or {@code null}
 */
public record ApiCall(String action, String method, String path, JsonNode body) {

    public ApiCall {
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
    }

    public static ApiCall get(String action, String path) {
        return new ApiCall(action, "GET", path, null);
    }

    public static ApiCall post(String action, String path, JsonNode body) {
        return new ApiCall(action, "POST", path, body);
    }

    public static ApiCall delete(String action, String path) {
        return new ApiCall(action, "DELETE", path, null);
    }

    /**
     * Whether sending it twice does no harm. A POST whose connection broke mid-flight may have
     * been executed, so only idempotent calls are resent after such a failure; 423, 429 and 503
     * mean the service did nothing, so every call is resent after those.
     */
    boolean idempotent() {
        return method.equals("GET") || method.equals("DELETE") || method.equals("PUT");
    }
}
