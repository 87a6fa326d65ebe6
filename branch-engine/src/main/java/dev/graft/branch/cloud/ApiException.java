package dev.graft.branch.cloud;

import dev.graft.branch.BranchException;
import java.util.Optional;

/**
 * A cloud service refused or failed a request. The message names the service, what was being
 * done, the HTTP status, the service's own code and message, and the request id to quote to its
 * support; it never holds a credential.
 */
public final class ApiException extends BranchException {

    private final int status;
    private final String code;
    private final String requestId;

    ApiException(String message, int status, String code, String requestId, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    /** The HTTP status of the last response; 0 when no response came (connection failures). */
    public int status() {
        return status;
    }

    /** The service's error code, such as {@code BRANCH_ALREADY_EXISTS}, when it sent one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The request id of the last attempt, to quote to the service's support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
