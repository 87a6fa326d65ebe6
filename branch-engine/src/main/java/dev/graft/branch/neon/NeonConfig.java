package dev.graft.branch.neon;

import dev.graft.branch.cloud.CloudOptions;
import dev.graft.branch.cloud.Environment;
import dev.graft.branch.cloud.Pacing;
import dev.graft.branch.cloud.ParentPoint;
import dev.graft.branch.cloud.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the {@link NeonEngine} reaches Neon. Built once, validated once, then frozen; its
 * {@code toString} masks the key.
 *
 * <pre>{@code
 * NeonConfig config = NeonConfig.builder()          // key from GRAFT_NEON_API_KEY or NEON_API_KEY
 *         .projectId("plain-fog-123456")
 *         .parentBranch("production")
 *         .build();
 * }</pre>
 *
 * @param apiKey the Neon API key
 * @param projectId the project whose branches the engine makes
 * @param parentBranch the branch (name or {@code br-...} id) copied when a spec names no parent; empty for the project's default branch
 * @param baseUrl the API root, {@value #DEFAULT_BASE_URL} unless testing
 * @param database the database to connect to; empty when the parent has exactly one
 * @param role the role to connect as; empty for the database's owner
 * @param pooled connect through Neon's pooler (PgBouncer, transaction mode) instead of directly
 * @param defaultTtl the expiry of branches whose spec has none; empty to let such branches live on
 * @param parentPoint where in the parent's history new branches start
 * @param endpoint the compute each branch gets
 * @param pacing deadline, polling and back-off
 * @param clock the clock that computes expiries and deadlines
 */
public record NeonConfig(Secret apiKey, String projectId, Optional<String> parentBranch, URI baseUrl,
                         Optional<String> database, Optional<String> role, boolean pooled,
                         Optional<Duration> defaultTtl, ParentPoint parentPoint, NeonEndpoint endpoint,
                         Pacing pacing, Clock clock) {

    public static final String DEFAULT_BASE_URL = "https://console.neon.tech/api/v2";

    public NeonConfig {
        Objects.requireNonNull(apiKey, "apiKey == null");
        Objects.requireNonNull(projectId, "projectId == null");
        Objects.requireNonNull(parentBranch, "parentBranch == null");
        Objects.requireNonNull(baseUrl, "baseUrl == null");
        Objects.requireNonNull(database, "database == null");
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(defaultTtl, "defaultTtl == null");
        Objects.requireNonNull(parentPoint, "parentPoint == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(pacing, "pacing == null");
        Objects.requireNonNull(clock, "clock == null");
        if (!projectId.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("projectId must be a Neon project id such as \"plain-fog-123456\": \""
                    + projectId + "\"");
        }
        Environment.secureBase("baseUrl", baseUrl);
        defaultTtl.ifPresent(t -> {
            if (t.toSeconds() < 1) {
                throw new IllegalArgumentException("defaultTtl must be at least a second: " + t);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything from the environment: {@code GRAFT_NEON_API_KEY} (or {@code NEON_API_KEY}), {@code GRAFT_NEON_PROJECT}, ... */
    public static NeonConfig fromEnvironment() {
        return builder().build();
    }

    /**
     * Builds a {@link NeonConfig}. Unset values come from the environment: the key from
     * {@code GRAFT_NEON_API_KEY}, then {@code NEON_API_KEY}; the project from
     * {@code GRAFT_NEON_PROJECT}; the parent branch from {@code GRAFT_NEON_PARENT_BRANCH}.
     */
    public static final class Builder extends CloudOptions<Builder> {
        private Function<String, String> env = System::getenv;
        private String apiKey;
        private String projectId;
        private String parentBranch;
        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private String database;
        private String role;
        private boolean pooled;
        private NeonEndpoint endpoint = NeonEndpoint.DEFAULT;

        private Builder() {
        }

        /** Where unset values are looked up; tests pass a map's {@code get}. */
        Builder environment(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env == null");
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
            return this;
        }

        public Builder projectId(String projectId) {
            this.projectId = Objects.requireNonNull(projectId, "projectId == null");
            return this;
        }

        public Builder parentBranch(String nameOrId) {
            this.parentBranch = Objects.requireNonNull(nameOrId, "parentBranch == null");
            return this;
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
            return this;
        }

        public Builder database(String database) {
            this.database = Objects.requireNonNull(database, "database == null");
            return this;
        }

        public Builder role(String role) {
            this.role = Objects.requireNonNull(role, "role == null");
            return this;
        }

        public Builder pooled(boolean pooled) {
            this.pooled = pooled;
            return this;
        }



        public Builder endpoint(NeonEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
            return this;
        }




        @Override
        protected Builder self() {
            return this;
        }

        public NeonConfig build() {
            String key = Optional.ofNullable(apiKey)
                    .or(() -> Environment.first(env, "GRAFT_NEON_API_KEY", "NEON_API_KEY"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "neon: no API key: call apiKey(...) or set GRAFT_NEON_API_KEY (or NEON_API_KEY)"));
            String project = Optional.ofNullable(projectId)
                    .or(() -> Environment.first(env, "GRAFT_NEON_PROJECT"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "neon: no project: call projectId(...) or set GRAFT_NEON_PROJECT"));
            Optional<String> parent = Optional.ofNullable(parentBranch)
                    .or(() -> Environment.first(env, "GRAFT_NEON_PARENT_BRANCH"));
            return new NeonConfig(Secret.of(key), project, parent, baseUrl, Optional.ofNullable(database),
                    Optional.ofNullable(role), pooled, defaultTtl(), parentPoint(), endpoint, pacing(),
                    clock());
        }
    }
}
