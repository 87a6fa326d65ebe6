package dev.graft.branch.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP to one cloud service, with bearer authentication. It retries 423 (a conflicting
 * operation is running), 429 (rate limit) and 503 (unavailable), and connections that could not
 * be made, with exponential back-off and jitter, honouring {@code Retry-After}, until the call's
 * {@link Deadline}; every other failure becomes an {@link ApiException} at once.
 */
public final class ApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);
    private static final Set<Integer> RETRYABLE = Set.of(423, 429, 503);
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final String service;
    private final URI base;
    private final Secret token;
    private final Map<String, String> headers;
    private final Pacing pacing;
    private final Backoff backoff;
    private final Clock clock;
    private final String authHint;
    private final HttpClient http;

    /**
     * @param service the service's name in messages ({@code neon}, {@code lakebase})
     * @param base the base URL; call paths are appended to it
     * @param token the bearer token
     * @param headers extra headers sent with every request
     * @param authHint what to check when the service answers 401 or 403
     */
    public ApiClient(String service, URI base, Secret token, Map<String, String> headers, Pacing pacing,
                     Clock clock, String authHint) {
        this.service = Objects.requireNonNull(service, "service == null");
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = Objects.requireNonNull(token, "token == null");
        this.headers = Map.copyOf(headers);
        this.pacing = Objects.requireNonNull(pacing, "pacing == null");
        this.backoff = new Backoff(pacing.initialBackoff(), pacing.maxBackoff());
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.authHint = Objects.requireNonNull(authHint, "authHint == null");
        this.http = HttpClient.newBuilder().connectTimeout(pacing.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A deadline of this client's budget, starting now: one per engine call. */
    public Deadline deadline() {
        return Deadline.after(pacing.deadline(), clock);
    }

    /** Sends the call, retrying what is safe to retry until the deadline; a 2xx answer or an {@link ApiException}. */
    public ApiResponse send(ApiCall call, Deadline deadline) {
        String last = null;
        int lastStatus = 0;
        String lastRequestId = null;
        String lastCode = null;
        Throwable lastCause = null;
        for (int attempt = 1; ; attempt++) {
            String requestId = UUID.randomUUID().toString();
            Optional<String> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = http.send(request(call, requestId), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                JsonNode body = parse(response.body());
                String id = response.headers().firstValue("x-request-id")
                        .or(() -> response.headers().firstValue("x-databricks-request-id"))
                        .or(() -> Json.text(body, "request_id")).orElse(requestId);
                LOG.debug("{} {} {} -> {} (request id {})", service, call.method(), call.path(), status, id);
                if (status / 100 == 2) {
                    return new ApiResponse(status, body, id);
                }
                if (!RETRYABLE.contains(status)) {
                    throw failure(call, status, body, response.body(), id, null);
                }
                lastStatus = status;
                lastRequestId = id;
                lastCode = code(body).orElse(null);
                last = describe(status, body, response.body(), id);
                lastCause = null;
                retryAfter = response.headers().firstValue("retry-after");
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // Nothing reached the service, so even a POST is safe to resend.
                lastStatus = 0;
                lastRequestId = requestId;
                lastCode = null;
                last = "could not connect to " + base.getHost() + ": " + e.getClass().getSimpleName();
                lastCause = e;
            } catch (IOException e) {
                if (!call.idempotent()) {
                    throw new ApiException(prefix(call) + ": the connection failed mid-request ("
                            + token.redact(String.valueOf(e.getMessage())) + "), so whether it took effect is unknown"
                            + " (request id " + requestId + ")", 0, null, requestId, e);
                }
                lastStatus = 0;
                lastRequestId = requestId;
                lastCode = null;
                last = "connection failed: " + token.redact(String.valueOf(e.getMessage()));
                lastCause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(prefix(call) + ": interrupted", 0, null, requestId, e);
            }
            Duration pause = backoff.after(attempt, retryAfter, clock.instant());
            if (deadline.wouldPass(pause)) {
                throw new ApiException(prefix(call) + ": gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                        + " in " + Deadline.seconds(deadline.elapsed()) + " (deadline " + deadline.describe() + "); last: "
                        + last, lastStatus, lastCode, lastRequestId, lastCause);
            }
            LOG.warn("{}: {}: {}; retrying in {} ms", service, call.action(), last, pause.toMillis());
            Deadline.pause(pause, call.action());
        }
    }

    private HttpRequest request(ApiCall call, String requestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(pacing.requestTimeout())
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .header("User-Agent", "graft-branch-engine")
                .header("X-Request-ID", requestId);
        headers.forEach(builder::header);
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body().toString()));
        }
        return builder.build();
    }

    private ApiException failure(ApiCall call, int status, JsonNode body, String raw, String requestId, Throwable cause) {
        String hint = status == 401 || status == 403 ? "; " + authHint : "";
        return new ApiException(prefix(call) + ": " + describe(status, body, raw, requestId) + hint,
                status, code(body).orElse(null), requestId, cause);
    }

    private String describe(int status, JsonNode body, String raw, String requestId) {
        String code = code(body).map(c -> " " + c).orElse("");
        String message = Json.text(body, "message")
                .or(() -> Optional.ofNullable(body.get("error")).flatMap(e -> Json.text(e, "message")))
                .orElse(raw == null || raw.isBlank() ? "(no body)" : abbreviate(raw.strip()));
        return "HTTP " + status + code + ": " + token.redact(message) + " (request id " + requestId + ")";
    }

    private static Optional<String> code(JsonNode body) {
        return Json.text(body, "code").or(() -> Json.text(body, "error_code"));
    }

    private String prefix(ApiCall call) {
        return service + ": " + call.action() + " failed";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // Proxies answer 502/503 with HTML; the raw text still goes into the message.
            return MissingNode.getInstance();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    @Override
    public String toString() {
        return "ApiClient[" + service + " " + base + "]";
    }
}
