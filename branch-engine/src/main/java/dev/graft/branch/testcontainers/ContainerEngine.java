package dev.graft.branch.testcontainers;

import com.github.dockerjava.api.DockerClient;
import dev.graft.branch.BranchException;
import dev.graft.branch.template.CloneSupport;
import dev.graft.branch.template.TemplateBranchEngine;
import dev.graft.branch.template.TemplateTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Branches inside a PostgreSQL container of the image the user chooses: one container per engine,
 * started by {@link #start(ContainerConfig)} and removed by {@link #close()}. Branches are template
 * copies inside it, reached on the container's published port; they are reported as clones only
 * where a reflink probe inside the container succeeded (on Docker's usual overlay storage it does not).
 *
 * <p>Needs a Docker engine, and the optional dependencies {@code org.testcontainers:testcontainers}
 * and {@code org.testcontainers:testcontainers-postgresql}.
 *
 * <pre>{@code
 * try (ContainerEngine engine = ContainerEngine.start(ContainerConfig.builder().image("postgis/postgis:17-3.5").build());
 *      Branch main = engine.create(BranchSpec.root("main").seed(Seed.sql("CREATE EXTENSION postgis")).build());
 *      Branch mine = engine.create(BranchSpec.of("mine").parent("main").build())) {
 *     System.out.println(mine.jdbcUrl() + ": " + mine.copy());
 * }
 * }</pre>
 */
public final class ContainerEngine extends TemplateBranchEngine {

    /** The database administrative statements run in; the image's entrypoint leaves it as initdb made it. */
    private static final String MAINTENANCE_DATABASE = "postgres";
    /** Marks the containers of this engine, so that leftovers of a killed JVM can be found. */
    static final String LABEL = "dev.graft.engine";

    private final PostgreSQLContainer container;
    private final CloneSupport cloneSupport;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ContainerEngine(PostgreSQLContainer container, ContainerConfig config, TemplateTarget target,
                            CloneSupport cloneSupport) {
        super("testcontainers", target, config.template(), cloneSupport);
        this.container = container;
        this.cloneSupport = cloneSupport;
    }

    /**
     * Starts a container of the configured image and returns the engine over it.
     *
     * @throws BranchException naming what is missing when no Docker engine answers, when the image is
     *     neither present nor pullable, or when the container does not become ready in time
     */
    public static ContainerEngine start(ContainerConfig config) {
        DockerClient docker = DockerPreflight.requireEngine(config);
        DockerPreflight.requireImage(docker, config.image());
        PostgreSQLContainer container = container(config);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new BranchException("the container of image \"" + config.image() + "\" did not start as a PostgreSQL "
                    + "server within " + config.startupTimeout().toSeconds() + " s: " + e.getMessage(), e);
        }
        try {
            TemplateTarget target = new TemplateTarget(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                    config.user(), config.password(), MAINTENANCE_DATABASE);
            CloneSupport cloneSupport = ContainerCloneProbe.probe(container, dataDirectory(target));
            return new ContainerEngine(container, config, target, cloneSupport);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    public static ContainerEngine start() {
        return start(ContainerConfig.defaults());
    }

    private static PostgreSQLContainer container(ContainerConfig config) {
        // A user's image (a local build, PostGIS, ...) behaves like the official one by contract.
        DockerImageName image = DockerImageName.parse(config.image()).asCompatibleSubstituteFor("postgres");
        return new PostgreSQLContainer(image)
                .withUsername(config.user())
                .withPassword(config.password())
                .withDatabaseName(MAINTENANCE_DATABASE)
                .withLabel(LABEL, "testcontainers")
                .withStartupTimeout(config.startupTimeout());
    }

    private static String dataDirectory(TemplateTarget target) {
        try (Connection admin = DriverManager.getConnection(target.jdbcUrl(target.maintenanceDatabase()), target.user(),
                target.password()); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SHOW data_directory")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new BranchException("the container started but PostgreSQL on " + target.host() + ":" + target.port()
                    + " does not accept \"" + target.user() + "\": " + e.getMessage(), e);
        }
    }

    /** The Docker id of this engine's container. */
    public String containerId() {
        return container.getContainerId();
    }

    /** The image the container runs. */
    public String image() {
        return container.getDockerImageName();
    }

    /** What the reflink probe inside the container found. */
    public CloneSupport cloneSupport() {
        return cloneSupport;
    }

    /** Stops and removes the container, and every branch in it. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            super.close();
            container.stop();
        }
    }
}
