package dev.graft.branch.testing;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Small databases and queries the engine tests share. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fresh root database with one table of three rows, unique to the caller. */
    public static Branch seededParent(BranchEngine engine, String prefix) {
        return engine.create(BranchSpec.root(unique(prefix)).ifExists(IfExists.REPLACE)
                .seed(Seed.sql("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL);"
                        + "INSERT INTO item VALUES (1, 'one'), (2, 'two'), (3, 'three');"))
                .build());
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long count(Branch branch, String table) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void execute(Branch branch, String sql) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
