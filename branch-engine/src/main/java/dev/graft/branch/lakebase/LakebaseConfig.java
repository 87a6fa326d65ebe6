package dev.graft.branch.lakebase;

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
 * How the {@link LakebaseEngine} reaches a Databricks workspace. Built once, validated once, then
 * frozen; its {@code toString} masks the token.
 *
 * <pre>{@code
 * LakebaseConfig config = LakebaseConfig.builder()   // host and token from GRAFT_DATABRICKS_HOST / _TOKEN
 *         .project("orders")
 *         .sourceBranch("production")
 *         .build();
 * }</pre>
 *
 * @param host the workspace URL, such as {@code https://adb-1234.5.azuredatabricks.net}
 * @param token a Databricks access token (personal or OAuth)
 * @param project the Lakebase project id
 * @param sourceBranch the branch id copied when a spec names no parent
 * @param workspaceId sent as {@code X-Databricks-Workspace-Id} when present (account-level hosts need it)
 * @param database the Postgres database to connect to
 * @param user the Postgres role (the Databricks identity); empty to ask the workspace who the token belongs to
 * @param endpoint the compute each branch gets
 * @param credentialTtl how long each database credential lasts (5 minutes to 1 hour)
 * @param refreshMargin a credential is replaced once it has less than this left
 * @param defaultTtl the expiry of branches whose spec has none; empty to let such branches live on
 * @param parentPoint where in the parent's history new branches start
 * @param pacing deadline, polling and back-off
 * @param clock the clock that decides expiries and deadlines
 */
public record LakebaseConfig(URI host, Secret token, String project, String sourceBranch, Optional<String> workspaceId,
                             String database, Optional<String> user, LakebaseEndpoint endpoint, Duration credentialTtl,
                             Duration refreshMargin, Optional<Duration> defaultTtl, ParentPoint parentPoint,
                             Pacing pacing, Clock clock) {

    public LakebaseConfig {
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(token, "token == null");
        Objects.requireNonNull(project, "project == null");
        Objects.requireNonNull(sourceBranch, "sourceBranch == null");
        Objects.requireNonNull(workspaceId, "workspaceId == null");
        Objects.requireNonNull(database, "database == null");
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(credentialTtl, "credentialTtl == null");
        Objects.requireNonNull(refreshMargin, "refreshMargin == null");
        Objects.requireNonNull(defaultTtl, "defaultTtl == null");
        Objects.requireNonNull(parentPoint, "parentPoint == null");
        Objects.requireNonNull(pacing, "pacing == null");
        Objects.requireNonNull(clock, "clock == null");
        Environment.secureBase("host", host);
        if (!LakebaseIds.isValid(project)) {
            throw new IllegalArgumentException("project must be a Lakebase project id ([a-z0-9-]): \"" + project + "\"");
        }
        if (!LakebaseIds.isValid(sourceBranch)) {
            throw new IllegalArgumentException("sourceBranch must be a branch id ([a-z0-9-]): \"" + sourceBranch + "\"");
        }
        if (credentialTtl.compareTo(Duration.ofMinutes(5)) < 0 || credentialTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("credentialTtl must lie between 5 minutes and 1 hour: " + credentialTtl);
        }
        if (refreshMargin.isNegative() || refreshMargin.compareTo(credentialTtl) >= 0) {
            throw new IllegalArgumentException("refreshMargin must lie between 0 and credentialTtl (" + credentialTtl
                    + "): " + refreshMargin);
        }
        defaultTtl.ifPresent(t -> {
            if (t.toSeconds() < 1) {
                throw new IllegalArgumentException("defaultTtl must be at least a second: " + t);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything from the environment: {@code GRAFT_DATABRICKS_HOST}, {@code GRAFT_DATABRICKS_TOKEN}, {@code GRAFT_LAKEBASE_PROJECT}, ... */
    public static LakebaseConfig fromEnvironment() {
        return builder().build();
    }

    /**
     * Builds a {@link LakebaseConfig}. Unset values come from the environment: the host from
     * {@code GRAFT_DATABRICKS_HOST}, then {@code DATABRICKS_HOST}; the token from
     * {@code GRAFT_DATABRICKS_TOKEN}, then {@code DATABRICKS_TOKEN}; the project from
     * {@code GRAFT_LAKEBASE_PROJECT}; the source branch from {@code GRAFT_LAKEBASE_SOURCE_BRANCH}
     * (else {@code production}).
     */
    public static final class Builder extends CloudOptions<Builder> {
        private Function<String, String> env = System::getenv;
        private String host;
        private String token;
        private String project;
        private String sourceBranch;
        private String workspaceId;
        private String database = "databricks_postgres";
        private String user;
        private LakebaseEndpoint endpoint = LakebaseEndpoint.DEFAULT;
        private Duration credentialTtl = Duration.ofHours(1);
        private Duration refreshMargin = Duration.ofMinutes(5);

        private Builder() {
        }

        /** Where unset values are looked up; tests pass a map's {@code get}. */
        Builder environment(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env == null");
            return this;
        }

        /** The workspace, as {@code https://host} or just {@code host}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host == null");
            return this;
        }

        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token == null");
            return this;
        }

        public Builder project(String project) {
            this.project = Objects.requireNonNull(project, "project == null");
            return this;
        }

        public Builder sourceBranch(String branchId) {
            this.sourceBranch = Objects.requireNonNull(branchId, "sourceBranch == null");
            return this;
        }

        public Builder workspaceId(String workspaceId) {
            this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId == null");
            return this;
        }

        public Builder database(String database) {
            this.database = Objects.requireNonNull(database, "database == null");
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user == null");
            return this;
        }

        public Builder endpoint(LakebaseEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
            return this;
        }

        /** How long each credential lasts and how long before its expiry it is replaced. */
        public Builder credentials(Duration ttl, Duration refreshMargin) {
            this.credentialTtl = Objects.requireNonNull(ttl, "ttl == null");
            this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin == null");
            return this;
        }






        @Override
        protected Builder self() {
            return this;
        }

        public LakebaseConfig build() {
            String workspace = Optional.ofNullable(host)
                    .or(() -> Environment.first(env, "GRAFT_DATABRICKS_HOST", "DATABRICKS_HOST"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "lakebase: no workspace host: call host(...) or set GRAFT_DATABRICKS_HOST (or DATABRICKS_HOST)"));
            String secret = Optional.ofNullable(token)
                    .or(() -> Environment.first(env, "GRAFT_DATABRICKS_TOKEN", "DATABRICKS_TOKEN"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "lakebase: no token: call token(...) or set GRAFT_DATABRICKS_TOKEN (or DATABRICKS_TOKEN)"));
            String projectId = Optional.ofNullable(project)
                    .or(() -> Environment.first(env, "GRAFT_LAKEBASE_PROJECT"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "lakebase: no project: call project(...) or set GRAFT_LAKEBASE_PROJECT"));
            String source = Optional.ofNullable(sourceBranch)
                    .or(() -> Environment.first(env, "GRAFT_LAKEBASE_SOURCE_BRANCH")).orElse("production");
            String url = workspace.contains("://") ? workspace : "https://" + workspace;
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            return new LakebaseConfig(uri, Secret.of(secret), projectId, source, Optional.ofNullable(workspaceId),
                    database, Optional.ofNullable(user), endpoint, credentialTtl, refreshMargin,
                    defaultTtl(), parentPoint(), pacing(), clock());
        }
    }
}
