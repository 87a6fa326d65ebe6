package dev.graft.branch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JVMs killed ({@code kill -9}) while they create branches, and two JVMs creating and dropping
 * branches on one data directory at once: after the next start, every database of the server is
 * a complete branch, and no half-made copy is left.
 */
class KilledWhileBranchingTest {

    private static final long SEED = Long.getLong("graft.reliability.seed", 20261203L);
    private static final int KILLS = Integer.getInteger("graft.reliability.branchKills", 6);

    private final Path data = Path.of("target", "graft", "churn-" + UUID.randomUUID()).toAbsolutePath();
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        EmbeddedServer.stop(data);
        new DataDirectory(data).postmasterPid().flatMap(ProcessHandle::of).ifPresent(DataDirectory::stopPostmaster);
    }

    @Test
    void aJvmKilledAtRandomPointsOfBranchCreationLeavesNothingHalfMade() throws Exception {
        Random random = new Random(SEED);
        List<Long> killedAfter = new ArrayList<>();
        for (int trial = 0; trial < KILLS; trial++) {
            Process child = ChildJvm.start(BranchChurningChild.class, "READY", data.toString(), "kill" + trial, "1000")
                    .process();
            children.add(child);
            long delay = 50 + random.nextInt(1500);
            killedAfter.add(delay);
            Thread.sleep(delay);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        try {
            List<String> databases = assertEveryDatabaseIsACompleteBranch(engine);
            publish("reliability-branch-kills.md", String.format("| killed while branching | %d JVMs, seed %d, killed"
                    + " after %s ms | %d | 0 |%n", KILLS, SEED, killedAfter, databases.size()));
        } finally {
            engine.stopServer();
        }
    }

    @Test
    void twoJvmsBranchingOnOneDataDirectoryAtOnceLeaveItHealthy() throws Exception {
        ChildJvm first = ChildJvm.start(BranchChurningChild.class, "READY", data.toString(), "first", "12");
        ChildJvm second = ChildJvm.start(BranchChurningChild.class, "READY", data.toString(), "second", "12");
        children.add(first.process());
        children.add(second.process());
        for (Process child : List.of(first.process(), second.process())) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            StringBuilder printed = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("DONE")) {
                printed.append(line).append('\n');
            }
            assertThat(line).as("the child created its branches; it printed:%n%s", printed).isEqualTo("DONE 12");
        }
        for (Process child : List.of(second.process(), first.process())) {
            child.getOutputStream().close();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        try {
            List<String> names = assertEveryDatabaseIsACompleteBranch(engine);
            assertThat(names).contains("keeper", "first-11", "second-11").doesNotContain("first-0", "second-10");
            publish("reliability-branch-two-jvms.md", String.format("| two JVMs on one data directory | 2 x 12 creations,"
                    + " 2 x 6 drops at once | %d | 0 |%n", names.size()));
        } finally {
            engine.stopServer();
        }
    }

    @Test
    void aCopyStillClaimedByALiveCreatorIsKeptAndDroppedOnceItsClaimEnds() throws Exception {
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        try (Branch keeper = engine.create(dev.graft.branch.BranchSpec.root("keeper").build());
             Connection creator = DriverManager.getConnection(keeper.jdbcUrl().replace("/keeper", "/postgres"),
                     keeper.user(), keeper.password());
             Statement s = creator.createStatement()) {
            s.execute("SELECT pg_advisory_lock(x'67726674'::int, hashtext('graft_tmp_live'))");
            s.execute("CREATE DATABASE graft_tmp_live");
            s.execute("CREATE DATABASE graft_tmp_dead");
            assertThat(engine.removeExpired()).containsExactly("graft_tmp_dead");
            s.execute("SELECT pg_advisory_unlock(x'67726674'::int, hashtext('graft_tmp_live'))");
            assertThat(engine.removeExpired()).containsExactly("graft_tmp_live");
        } finally {
            engine.stopServer();
        }
    }

    /**
     * Prints a row of the figures (what ran, how, complete branches after the next start, databases
     * left half-made) and writes it to {@code target/<file>}.
     */
    private static void publish(String file, String row) throws java.io.IOException {
        java.nio.file.Path out = Path.of(System.getProperty("graft.build.dir", "target"), file);
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, row);
        System.out.print(row);
    }

    /** Every database but PostgreSQL's own is a listed branch with all its rows; returns the names. */
    private static List<String> assertEveryDatabaseIsACompleteBranch(EmbeddedEngine engine) throws SQLException {
        List<String> listed = engine.list().stream().map(BranchInfo::name).toList();
        List<String> databases = new ArrayList<>();
        Branch keeper = engine.get("keeper").orElseThrow();
        try (Connection c = DriverManager.getConnection(keeper.jdbcUrl(), keeper.user(), keeper.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname NOT IN"
                     + " ('postgres', 'template0', 'template1') ORDER BY datname")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        assertThat(databases).as("databases on the server").containsExactlyInAnyOrderElementsOf(listed);
        for (String name : listed) {
            Branch branch = engine.get(name).orElseThrow();
            try (Connection c = DriverManager.getConnection(branch.jdbcUrl(), branch.user(), branch.password());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows of branch %s", name).isEqualTo(BranchChurningChild.SEEDED_ROWS);
            }
        }
        System.out.printf("branch engine: after the next start %d branches, all complete; databases %s%n",
                listed.size(), databases);
        return databases;
    }
}
