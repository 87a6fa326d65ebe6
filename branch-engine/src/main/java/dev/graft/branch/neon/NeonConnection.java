package dev.graft.branch.neon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graft.branch.BranchException;
import dev.graft.branch.cloud.Json;
import dev.graft.branch.cloud.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where and as whom to connect to a Neon branch.
 *
 * @param host the host, with {@code :port} when the URI names one
 * @param database the database name
 * @param role the role name
 * @param password the role's password
 */
record NeonConnection(String host, String database, String role, Secret password) {

    /**
     * From a create answer's {@code connection_uris} entry, when it has one for the wanted
     * database and role. Neon leaves the array out when the parent has several of either.
     */
    static Optional<NeonConnection> fromCreateAnswer(JsonNode answer, Optional<String> database, Optional<String> role,
                                                     boolean pooled) {
        for (JsonNode uri : answer.path("connection_uris")) {
            JsonNode p = uri.path("connection_parameters");
            Optional<String> host = Json.text(p, pooled ? "pooler_host" : "host");
            Optional<String> db = Json.text(p, "database");
            Optional<String> user = Json.text(p, "role");
            Optional<String> password = Json.text(p, "password");
            boolean wanted = database.map(d -> d.equals(db.orElse(null))).orElse(true)
                    && role.map(r -> r.equals(user.orElse(null))).orElse(true);
            if (wanted && host.isPresent() && db.isPresent() && user.isPresent() && password.isPresent()) {
                return Optional.of(new NeonConnection(host.get(), db.get(), user.get(), Secret.of(password.get())));
            }
        }
        return Optional.empty();
    }

    /** From {@code postgresql://role:password@host/database?sslmode=require}. */
    static NeonConnection fromUri(String text, String branch) {
        try {
            URI uri = URI.create(text);
            String userInfo = uri.getRawUserInfo();
            int colon = userInfo == null ? -1 : userInfo.indexOf(':');
            String path = uri.getPath();
            if (uri.getHost() == null || colon < 1 || path == null || path.length() < 2) {
                throw new IllegalArgumentException("not role:password@host/database");
            }
            String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return new NeonConnection(host, path.substring(1), decode(userInfo.substring(0, colon)),
                    Secret.of(decode(userInfo.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            // The message of a URI exception quotes the URI, and with it the password.
            throw new BranchException("neon: the connection URI of branch \"" + branch + "\" cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String decode(String text) {
        // In a URI a "+" is a plus, not an encoded space as in a form.
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
