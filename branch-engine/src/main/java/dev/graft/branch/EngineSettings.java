package dev.graft.branch;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which engine to open, as tools (the Maven goals, the JUnit extension) receive it from their
 * users: a kind and the few settings that kind needs. Cloud engines read their credentials from
 * the environment, never from here.
 *
 * @param kind {@code embedded} (default), {@code server}, {@code neon}, {@code lakebase} or
 *     {@code testcontainers}
 * @param dataDirectory the embedded engine's data directory
 * @param url the server engine's JDBC URL
 * @param user the server engine's user
 * @param password the server engine's password
 * @param image the testcontainers engine's image (default {@code postgres:18})
 */
public record EngineSettings(String kind, Path dataDirectory, Optional<String> url, String user, String password,
                             Optional<String> image) {

    public EngineSettings {
        kind = Objects.requireNonNull(kind, "kind == null").trim().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(dataDirectory, "dataDirectory == null");
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(image, "image == null");
    }

    /** Settings without an image: every kind but {@code testcontainers} ignores it. */
    public EngineSettings(String kind, Path dataDirectory, Optional<String> url, String user, String password) {
        this(kind, dataDirectory, url, user, password, Optional.empty());
    }

    /** The embedded engine on that data directory. */
    public static EngineSettings embedded(Path dataDirectory) {
        return new EngineSettings("embedded", dataDirectory, Optional.empty(), "postgres", "");
    }
}
