package dev.graft.branch.cloud;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful response.
 *
 * @param status the HTTP status (2xx)
 * @param body the JSON body; a missing node for an empty body
 * @param requestId the request id, the service's when it sent one, else ours
 */
public record ApiResponse(int status, JsonNode body, String requestId) {
}
