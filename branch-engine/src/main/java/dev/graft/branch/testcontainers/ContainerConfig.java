package dev.graft.branch.testcontainers;

import dev.graft.branch.template.TemplateOptions;
import dev.graft.branch.template.TemplateSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the testcontainers engine, validated once and then frozen.
 *
 * @param image the PostgreSQL image, e.g. {@code postgres:18} or {@code postgis/postgis:17-3.5}; any
 *     image that starts like the official {@code postgres} image (environment {@code POSTGRES_USER},
 *     {@code POSTGRES_PASSWORD}, {@code POSTGRES_DB}) will do
 * @param user the superuser the container creates, who makes the branches
 * @param password its password (random by default: the container's port is published on the host)
 * @param template how branches are made
 * @param startupTimeout how long the container may take to accept connections
 * @param dockerHost where the Docker engine must answer, such as {@code unix:///var/run/docker.sock}
 *     or {@code tcp://build-host:2375}; empty to let Testcontainers find it ({@code DOCKER_HOST},
 *     {@code ~/.testcontainers.properties}, the usual sockets). Testcontainers chooses one engine
 *     per JVM, so a value here is checked, not switched to: it must be the one Testcontainers uses.
 */
public record ContainerConfig(String image, String user, String password, TemplateSettings template,
                              Duration startupTimeout, Optional<String> dockerHost) {

    /** PostgreSQL 18, the version the embedded engine runs, from Docker Hub. */
    public static final String DEFAULT_IMAGE = "postgres:18";

    public ContainerConfig {
        Objects.requireNonNull(image, "image == null");
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(template, "template == null");
        Objects.requireNonNull(startupTimeout, "startupTimeout == null");
        Objects.requireNonNull(dockerHost, "dockerHost == null");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image is blank");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("user is blank");
        }
        if (password.isEmpty()) {
            // The official image refuses to start without one (or with trust for everybody).
            throw new IllegalArgumentException("password is empty");
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
        }
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "ContainerConfig[image=" + image + ", user=" + user + ", password=(hidden), template=" + template
                + ", startupTimeout=" + startupTimeout + ", dockerHost=" + dockerHost.orElse("(as Testcontainers finds it)") + "]";
    }

    public static ContainerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ContainerConfig}. */
    public static final class Builder extends TemplateOptions<Builder> {
        private String image = DEFAULT_IMAGE;
        private String user = "graft";
        private String password;
        private Duration startupTimeout = Duration.ofSeconds(120);
        private String dockerHost;

        private Builder() {
        }

        public Builder image(String image) {
            this.image = Objects.requireNonNull(image, "image == null");
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user == null");
            return this;
        }

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password == null");
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        public Builder dockerHost(String dockerHost) {
            this.dockerHost = Objects.requireNonNull(dockerHost, "dockerHost == null");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ContainerConfig build() {
            return new ContainerConfig(image, user, password == null ? randomPassword() : password, template(),
                    startupTimeout, Optional.ofNullable(dockerHost));
        }

        private static String randomPassword() {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
