package dev.graft.branch.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 for the cloud fakes: it records every request, answers from a
 * route, and lets a test inject one-off answers (423, 429, 503, ...) ahead of the route.
 */
public final class FakeHttp implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One request as the server saw it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }

        /** {@code "POST /projects/p/branches"}: what tests compare. */
        public String line() {
            return method + " " + path;
        }
    }

    /** An answer: status, JSON body (may be null) and headers. */
    public record Reply(int status, JsonNode body, Map<String, String> headers) {
        public static Reply json(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }

        public static Reply status(int status) {
            return new Reply(status, null, Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, body, Map.copyOf(copy));
        }
    }

    private record Injection(String method, String pathRegex, Reply reply) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Injection> injections = new ConcurrentLinkedDeque<>();

    public FakeHttp(Function<Request, Reply> route) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> handle(exchange, route));
        server.setExecutor(executor);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<String> lines() {
        return requests.stream().map(Request::line).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    /** The next {@code times} requests matching method and path answer {@code reply} instead of the route. */
    public void inject(String method, String pathRegex, Reply reply, int times) {
        for (int i = 0; i < times; i++) {
            injections.addLast(new Injection(method, pathRegex, reply));
        }
    }

    private void handle(HttpExchange exchange, Function<Request, Reply> route) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? MissingNode.getInstance() : MAPPER.readTree(raw);
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Reply reply = takeInjection(request);
            if (reply == null) {
                try {
                    reply = route.apply(request);
                } catch (RuntimeException e) {
                    reply = Reply.json(500, MAPPER.createObjectNode().put("message", "fake failed: " + e));
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            byte[] out = MAPPER.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private synchronized Reply takeInjection(Request request) {
        for (Injection injection : new ArrayList<>(injections)) {
            if (injection.method().equals(request.method()) && request.path().matches(injection.pathRegex())) {
                injections.removeFirstOccurrence(injection);
                return injection.reply();
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
