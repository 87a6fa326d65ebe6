package dev.graft.examples.quickstart;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts the embedded PostgreSQL 18, loads the Chinook sample database once, makes a branch of it,
 * changes the branch, and shows that the parent did not change and what the branch cost.
 */
public final class Quickstart {

    private Quickstart() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("graft.dataDirectory", "target/graft/postgres"));
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        try {
            Branch chinook = engine.create(BranchSpec.root("chinook").ifExists(IfExists.REUSE)
                    .seed(Seed.sqlFile(chinookScript())).build());
            try (Branch mine = engine.create(BranchSpec.of("quickstart").parent("chinook").ifExists(IfExists.REPLACE).build())) {
                execute(mine, "DELETE FROM invoice_line");
                System.out.println("Graft quickstart: PostgreSQL 18 (embedded) in " + engine.dataDirectory());
                System.out.println("  parent \"chinook\":  " + count(chinook, "invoice_line") + " invoice lines");
                System.out.println("  branch \"quickstart\": " + count(mine, "invoice_line")
                        + " invoice lines after DELETE on the branch");
                System.out.println("  branch made by " + mine.copy().method() + " in " + mine.copy().took().toMillis()
                        + " ms: " + mine.copy().detail());
                System.out.println("  while this ran, the branch was at " + mine.jdbcUrl() + " (user " + mine.user() + ")");
                if (!engine.cloneSupport().observed()) {
                    System.out.println("  tip: put the data directory on XFS (reflink=1), btrfs or OpenZFS 2.2+ for"
                            + " copy-on-write branches");
                }
                if (count(chinook, "invoice_line") == 0) {
                    throw new IllegalStateException("the branch's DELETE reached its parent: branches are not isolated");
                }
            }
        } finally {
            engine.stopServer();
        }
    }

    private static Path chinookScript() throws IOException {
        Path script = Files.createTempFile("chinook", ".sql");
        try (InputStream in = Quickstart.class.getResourceAsStream("/chinook.sql")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        script.toFile().deleteOnExit();
        return script;
    }

    private static long count(Branch branch, String table) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Branch branch, String sql) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
