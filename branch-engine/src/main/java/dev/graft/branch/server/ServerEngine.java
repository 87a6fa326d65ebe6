package dev.graft.branch.server;

import dev.graft.branch.BranchException;
import dev.graft.branch.template.CloneSupport;
import dev.graft.branch.template.ReflinkProbe;
import dev.graft.branch.template.TemplateBranchEngine;
import dev.graft.branch.template.TemplateTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Branches on any PostgreSQL server the user points at. Copies are reported as clones only where
 * this process can see the server's data directory and a reflink probe there succeeded (or the
 * user asserted it); on versions before 18 they are full copies, and say so.
 *
 * <pre>{@code
 * try (ServerEngine engine = ServerEngine.connect(ServerConfig.builder("jdbc:postgresql://localhost:5432/postgres")
 *         .user("graft").password(secret).build())) {
 *     Branch pr = engine.create(BranchSpec.of("pr-42").parent("app").build());
 * }
 * }</pre>
 */
public final class ServerEngine extends TemplateBranchEngine {

    private ServerEngine(TemplateTarget target, ServerConfig config, CloneSupport cloneSupport) {
        super("server", target, config.template(), cloneSupport);
    }

    public static ServerEngine connect(ServerConfig config) {
        TemplateTarget target = target(config);
        return new ServerEngine(target, config, cloneSupport(config, target));
    }

    private static TemplateTarget target(ServerConfig config) {
        Properties parsed = Driver.parseURL(config.jdbcUrl(), new Properties());
        if (parsed == null) {
            throw new BranchException("not a PostgreSQL JDBC URL: " + config.jdbcUrl());
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        String database = parsed.getProperty("PGDBNAME", "postgres");
        return new TemplateTarget(host, port, config.user(), config.password(), database);
    }

    private static CloneSupport cloneSupport(ServerConfig config, TemplateTarget target) {
        if (config.assumeCopyOnWrite()) {
            return new CloneSupport(true, "unknown", "copy-on-write asserted by configuration (assumeCopyOnWrite)");
        }
        try (Connection admin = DriverManager.getConnection(target.jdbcUrl(target.maintenanceDatabase()), target.user(),
                target.password()); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory', true)")) {
            rs.next();
            String dataDirectory = rs.getString(1);
            if (dataDirectory != null && Files.isWritable(Path.of(dataDirectory))) {
                return ReflinkProbe.probe(Path.of(dataDirectory));
            }
            return CloneSupport.unsupported("unknown", "the server's data directory is not visible to this process, "
                    + "so copy-on-write cannot be observed");
        } catch (SQLException e) {
            throw new BranchException("cannot reach PostgreSQL at " + config.jdbcUrl() + " as \"" + config.user() + "\": "
                    + e.getMessage(), e);
        }
    }
}
