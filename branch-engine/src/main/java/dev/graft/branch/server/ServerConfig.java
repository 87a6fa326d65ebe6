package dev.graft.branch.server;

import dev.graft.branch.template.TemplateOptions;
import dev.graft.branch.template.TemplateSettings;
import java.util.Objects;

/**
 * Configuration of the server engine.
 *
 * @param jdbcUrl a JDBC URL of the server's maintenance database, e.g.
 *     {@code jdbc:postgresql://db.internal:5432/postgres}
 * @param user a role with {@code CREATEDB}
 * @param password its password
 * @param template how branches are made
 * @param assumeCopyOnWrite report copies as clones although the engine cannot see the server's disk;
 *     set it only when you know the data directory is on a reflink file system
 */
public record ServerConfig(String jdbcUrl, String user, String password, TemplateSettings template,
                           boolean assumeCopyOnWrite) {
    public ServerConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(template, "template == null");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql: (was " + jdbcUrl + ")");
        }
    }

    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /** Builds a {@link ServerConfig}. */
    public static final class Builder extends TemplateOptions<Builder> {
        private final String jdbcUrl;
        private String user = "postgres";
        private String password = "";
        private boolean assumeCopyOnWrite;

        private Builder(String jdbcUrl) {
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user == null");
            return this;
        }

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password == null");
            return this;
        }





        public Builder assumeCopyOnWrite(boolean assume) {
            this.assumeCopyOnWrite = assume;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(jdbcUrl, user, password, template(), assumeCopyOnWrite);
        }
    }
}
