package dev.graft.branch.testcontainers;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/** One container engine per test JVM, and a small seeded parent that tests branch from. */
final class SharedEngine {

    private static ContainerEngine engine;

    private SharedEngine() {
    }

    static ContainerConfig.Builder config() {
        return ContainerConfig.builder().image(DockerCondition.IMAGE).templateWait(Duration.ofMillis(500));
    }

    static synchronized ContainerEngine engine() {
        if (engine == null) {
            engine = ContainerEngine.start(config().build());
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "graft-container-engine-close"));
        }
        return engine;
    }

    /** A fresh root database with one table of three rows, unique to the caller. */
    static Branch seededParent(String prefix) {
        return engine().create(BranchSpec.root(unique(prefix)).ifExists(IfExists.REPLACE)
                .seed(Seed.sql("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL);"
                        + "INSERT INTO item VALUES (1, 'one'), (2, 'two'), (3, 'three');"))
                .build());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long count(Branch branch, String table) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Branch branch, String sql) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
