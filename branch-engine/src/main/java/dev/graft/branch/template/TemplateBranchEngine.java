package dev.graft.branch.template;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchNames;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.CopyReport;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BranchEngine} over any PostgreSQL server it may create databases on. A branch is
 * {@code CREATE DATABASE ... TEMPLATE parent}; its metadata lives in the database comment.
 *
 * <p>A branch is built under a temporary name and renamed into place only when it is complete
 * (copied and seeded), so nobody ever sees a half-made branch, and two threads or JVMs creating
 * the same name cannot both win.
 */
public class TemplateBranchEngine implements BranchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateBranchEngine.class);
    static final String TEMPORARY_PREFIX = "graft_tmp_";
    private static final Duration LEFTOVER_AGE = Duration.ofHours(24);

    private final String kind;
    private final TemplateTarget target;
    private final TemplateSettings settings;
    private final TemplateCopier copier;
    private final BranchCatalog branches;
    private final HikariDataSource adminPool;

    protected TemplateBranchEngine(String kind, TemplateTarget target, TemplateSettings settings, CloneSupport cloneSupport) {
        this.kind = kind;
        this.target = target;
        this.settings = settings;
        this.adminPool = adminPool(kind, target);
        this.branches = new BranchCatalog(this::admin);
        this.copier = new TemplateCopier(settings, cloneSupport, serverVersion());
        if (settings.cleanExpiredOnStart()) {
            removeExpired();
        }
    }

    @Override
    public String kind() {
        return kind;
    }

    /** Where the server is, for tools that want to show it. */
    public TemplateTarget target() {
        return target;
    }

    /** The copy strategy branches are made with on this server, once {@code AUTO} is resolved. */
    public CopyStrategy copyStrategy() {
        return copier.effectiveStrategy();
    }

    @Override
    public Branch create(BranchSpec spec) {
        String name = BranchNames.sanitize(spec.name());
        try (Connection admin = admin()) {
            Optional<BranchInfo> existing = branches.find(admin, name);
            if (existing.isPresent()) {
                switch (spec.ifExists()) {
                    case REUSE:
                        return handle(existing.get());
                    case REPLACE:
                        branches.drop(admin, name);
                        break;
                    default:
                        throw exists(name, existing.get());
                }
            }
            Optional<String> parent = spec.parent().isPresent()
                    ? Optional.of(resolveParent(admin, spec.parent().get())) : Optional.empty();
            return build(admin, spec, name, parent);
        } catch (SQLException e) {
            throw new BranchException("cannot create branch \"" + name + "\"" + spec.parent().map(p -> " of \"" + p + "\"")
                    .orElse("") + ": " + e.getMessage(), e);
        }
    }

    /** Copies (or creates) under a temporary name, describes, seeds, then renames into place. */
    private Branch build(Connection admin, BranchSpec spec, String name, Optional<String> parent) throws SQLException {
        String temporary = TEMPORARY_PREFIX + HexFormat.of().formatHex(randomBytes());
        branches.claim(admin, temporary);
        try {
            return buildClaimed(admin, spec, name, parent, temporary);
        } finally {
            branches.release(admin, temporary);
        }
    }

    private Branch buildClaimed(Connection admin, BranchSpec spec, String name, Optional<String> parent, String temporary)
            throws SQLException {
        CopyReport copy = parent.isPresent() ? copier.copy(admin, temporary, parent.get()) : createEmpty(admin, temporary);
        Instant created = Instant.now();
        BranchMetadata metadata = new BranchMetadata(spec.name(), parent.orElse(null), created,
                spec.ttl().map(created::plus).orElse(null), copy.method(), copy.took().toNanos() / 1000,
                copy.detail(), BranchMetadata.currentOwner(), false);
        try {
            if (!(spec.seed() instanceof Seed.None)) {
                branches.describe(admin, temporary, metadata);
                Seeder.apply(spec.seed(), target.jdbcUrl(temporary), target.user(), target.password());
            }
            branches.describe(admin, temporary, metadata.asReady());
            if (!branches.publish(admin, temporary, name)) {
                branches.drop(admin, temporary);
                return lostRace(spec, name);
            }
        } catch (RuntimeException | SQLException e) {
            branches.dropQuietly(temporary);
            throw e;
        }
        LOG.debug("branch \"{}\" of \"{}\": {}", name, parent.orElse("(empty)"), copy);
        return handle(metadata.asReady().toInfo(name));
    }

    private Branch lostRace(BranchSpec spec, String name) {
        Optional<BranchInfo> winner = branches.find(name);
        if (winner.isEmpty()) {
            throw new BranchException(branches.databaseExists(name)
                    ? "a database named \"" + name + "\" exists that Graft did not make; choose another branch name"
                    : "branch \"" + name + "\" appeared and vanished while it was being created; try again");
        }
        if (spec.ifExists() == IfExists.FAIL) {
            throw exists(name, winner.get());
        }
        return handle(winner.get());
    }

    private static BranchException exists(String name, BranchInfo existing) {
        return new BranchException("branch \"" + name + "\" exists already (created " + existing.createdAt()
                + existing.parent().map(p -> " from \"" + p + "\"").orElse("")
                + "); ask for IfExists.REUSE to use it or IfExists.REPLACE to make it anew");
    }

    private CopyReport createEmpty(Connection admin, String temporary) throws SQLException {
        long start = System.nanoTime();
        AdminSql.execute(admin, "CREATE DATABASE %I", temporary);
        return new CopyReport(CopyMethod.NONE, Duration.ofNanos(System.nanoTime() - start), "new empty database");
    }

    private String resolveParent(Connection admin, String requested) throws SQLException {
        if (branches.databaseExists(admin, requested)) {
            return requested;
        }
        String sanitized = BranchNames.sanitize(requested);
        if (branches.databaseExists(admin, sanitized)) {
            return sanitized;
        }
        throw new BranchException("parent database \"" + requested + "\" does not exist on " + target.host() + ":"
                + target.port() + "; create or load it first, or name one of the databases there");
    }

    @Override
    public Optional<Branch> get(String name) {
        return branches.find(BranchNames.sanitize(name)).map(this::handle);
    }

    @Override
    public List<BranchInfo> list() {
        return branches.all().stream()
                .filter(b -> b.metadata().ready())
                .map(b -> b.metadata().toInfo(b.name()))
                .sorted(Comparator.comparing(BranchInfo::createdAt))
                .toList();
    }

    @Override
    public Branch reset(String name) {
        String sanitized = BranchNames.sanitize(name);
        BranchCatalog.Entry entry = branches.entry(sanitized).orElseThrow(() ->
                new BranchException("cannot reset branch \"" + sanitized + "\": it does not exist"));
        BranchMetadata old = entry.metadata();
        if (old.parent() == null) {
            throw new BranchException("cannot reset \"" + sanitized + "\": it is a root database with no parent to reset to");
        }
        String temporary = TEMPORARY_PREFIX + HexFormat.of().formatHex(randomBytes());
        try (Connection admin = admin()) {
            branches.claim(admin, temporary);
            try {
                return resetClaimed(admin, sanitized, old, temporary);
            } finally {
                branches.release(admin, temporary);
            }
        } catch (SQLException e) {
            throw new BranchException("cannot reset branch \"" + sanitized + "\": " + e.getMessage(), e);
        }
    }

    private Branch resetClaimed(Connection admin, String sanitized, BranchMetadata old, String temporary)
            throws SQLException {
        CopyReport copy = copier.copy(admin, temporary, old.parent());
        Instant created = Instant.now();
        Instant expires = old.expires() == null ? null : created.plus(Duration.between(old.created(), old.expires()));
        BranchMetadata metadata = new BranchMetadata(old.requested(), old.parent(), created, expires, copy.method(),
                copy.took().toNanos() / 1000, copy.detail(), BranchMetadata.currentOwner(), true);
        try {
            branches.describe(admin, temporary, metadata);
            branches.drop(admin, sanitized);
            if (!branches.publish(admin, temporary, sanitized)) {
                throw new BranchException("branch \"" + sanitized + "\" was re-created by someone else during its reset");
            }
        } catch (RuntimeException | SQLException e) {
            branches.dropQuietly(temporary);
            throw e;
        }
        return handle(metadata.toInfo(sanitized));
    }

    @Override
    public boolean delete(String name) {
        String sanitized = BranchNames.sanitize(name);
        if (branches.entry(sanitized).isEmpty()) {
            if (branches.databaseExists(sanitized)) {
                throw new BranchException("\"" + sanitized + "\" is a database Graft did not make; it will not delete it");
            }
            return false;
        }
        try (Connection admin = admin()) {
            branches.drop(admin, sanitized);
            return true;
        } catch (SQLException e) {
            throw new BranchException("cannot delete branch \"" + sanitized + "\": " + e.getMessage(), e);
        }
    }

    /** Removes expired branches, and leftovers of creations whose process died. Returns their names. */
    public List<String> removeExpired() {
        Instant now = Instant.now();
        List<String> removed = branches.all().stream()
                .filter(b -> isGarbage(b, now))
                .map(BranchCatalog.Entry::name)
                .toList();
        for (String name : removed) {
            branches.dropQuietly(name);
            LOG.info("removed expired or abandoned branch \"{}\"", name);
        }
        List<String> copies = branches.dropAbandonedCopies(TEMPORARY_PREFIX);
        copies.forEach(name -> LOG.info("removed the copy \"{}\" of a creation whose process died", name));
        return Stream.concat(removed.stream(), copies.stream()).toList();
    }

    private static boolean isGarbage(BranchCatalog.Entry entry, Instant now) {
        BranchMetadata metadata = entry.metadata();
        if (metadata.ready()) {
            return metadata.expires() != null && now.isAfter(metadata.expires());
        }
        return metadata.ownerIsDead() || metadata.created().plus(LEFTOVER_AGE).isBefore(now);
    }

    private Branch handle(BranchInfo info) {
        return new TemplateBranch(this, info, target);
    }

    /**
     * A connection to the maintenance database from a small pool; the caller closes it. After
     * {@link #close()} a plain connection, so that branch handles outliving their engine can still
     * delete themselves.
     */
    protected Connection admin() throws SQLException {
        if (adminPool.isClosed()) {
            return java.sql.DriverManager.getConnection(target.jdbcUrl(target.maintenanceDatabase()), target.user(),
                    target.password());
        }
        return adminPool.getConnection();
    }

    /**
     * Opening a PostgreSQL connection costs a backend start (~20 ms on a busy 2-core machine),
     * more than a reflink copy of a small database: keep a couple of administrative ones warm.
     */
    private static HikariDataSource adminPool(String kind, TemplateTarget target) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.jdbcUrl(target.maintenanceDatabase()));
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setPoolName("graft-" + kind + "-admin");
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(8);
        config.setIdleTimeout(60_000);
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(30_000);
        config.addDataSourceProperty("ApplicationName", "graft branch engine");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BranchException("cannot reach PostgreSQL at " + target.host() + ":" + target.port() + " as \""
                    + target.user() + "\": " + cause.getMessage(), e);
        }
    }

    private int serverVersion() {
        try (Connection admin = admin(); var statement = admin.createStatement();
             var rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        } catch (SQLException e) {
            throw new BranchException("cannot reach PostgreSQL at " + target.host() + ":" + target.port() + " as \""
                    + target.user() + "\": " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        adminPool.close();
    }
}
