package dev.graft.branch.embedded;

import dev.graft.branch.template.TemplateOptions;
import dev.graft.branch.template.TemplateSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Configuration of the embedded engine, validated once and then frozen.
 *
 * @param dataDirectory where the server keeps its files (default {@code target/graft/postgres});
 *     put it on XFS, btrfs, OpenZFS 2.2+ or APFS for copy-on-write branches
 * @param durable keep {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on;
 *     off by default because branches are disposable
 * @param port the TCP port, or 0 for any free one
 * @param serverSettings further {@code postgresql.conf} settings
 * @param template how branches are made
 * @param startupWait how long to wait for the server to accept connections
 */
public record EmbeddedConfig(Path dataDirectory, boolean durable, int port, Map<String, String> serverSettings,
                             TemplateSettings template, Duration startupWait) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("target", "graft", "postgres");

    public EmbeddedConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory == null");
        Objects.requireNonNull(template, "template == null");
        Objects.requireNonNull(startupWait, "startupWait == null");
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        serverSettings = Map.copyOf(serverSettings);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static EmbeddedConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings the server starts with: durability choices first, then the caller's. */
    Map<String, String> effectiveSettings() {
        Map<String, String> settings = new TreeMap<>();
        if (!durable) {
            settings.put("fsync", "off");
            settings.put("synchronous_commit", "off");
            settings.put("full_page_writes", "off");
        }
        settings.put("max_connections", "300");
        settings.putAll(serverSettings);
        return settings;
    }

    /** Builds an {@link EmbeddedConfig}. */
    public static final class Builder extends TemplateOptions<Builder> {
        private Path dataDirectory = DEFAULT_DATA_DIRECTORY;
        private boolean durable;
        private int port;
        private final Map<String, String> serverSettings = new TreeMap<>();
        private Duration startupWait = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory == null");
            return this;
        }

        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder serverSetting(String name, String value) {
            serverSettings.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }





        public Builder startupWait(Duration wait) {
            this.startupWait = Objects.requireNonNull(wait, "wait == null");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public EmbeddedConfig build() {
            return new EmbeddedConfig(dataDirectory, durable, port, serverSettings, template(), startupWait);
        }
    }
}
