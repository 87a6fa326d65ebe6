package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graft:baseline with the server engine on a live database that Graft did not make (the
 * production case): a real PostgreSQL 18, reached by its JDBC URL, read through a throwaway branch;
 * then status and diff against the parent the baseline was taken of, before and after it drifts.
 */
class BaselineMojoServerTest {

    private static EmbeddedEngine server;
    private static String adminUrl;
    private static String user;
    private static String password;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedEngine.start(EmbeddedConfig.builder()
                .dataDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft", "server-test")).build());
        try (Branch probe = server.create(BranchSpec.root("probe").ifExists(IfExists.REPLACE).build())) {
            adminUrl = probe.jdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
            user = probe.user();
            password = probe.password();
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS shop");
            statement.execute("CREATE DATABASE shop");
        }
        try (Connection shop = DriverManager.getConnection(adminUrl.replace("/postgres", "/shop"), user, password);
                Statement statement = shop.createStatement()) {
            statement.execute("CREATE TABLE customer (customer_id int PRIMARY KEY, email varchar(60) NOT NULL)");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theBaselineOfALiveDatabaseIsReadThroughTheServerEngine(@TempDir Path project) throws Exception {
        BaselineMojo baseline = configure(new BaselineMojo(), project, "shop");
        baseline.execute();
        String yaml = Files.readString(project.resolve("src/main/graft/baseline.yaml"));
        assertThat(yaml).contains("name: \"public.customer\"", "type: \"character varying(60)\"");
        assertThat(yaml).doesNotContain("graft_baseline_");
        assertThat(server.list()).noneMatch(b -> b.name().startsWith("graft_baseline_"));

        // the same server, a database that is not there: said, not an internal error
        BaselineMojo missing = configure(new BaselineMojo(), project, "no_such_database");
        assertThatThrownBy(missing::execute).isInstanceOf(org.apache.maven.plugin.MojoExecutionException.class)
                .hasMessageContaining("parent database \"no_such_database\" does not exist");
    }

    @Test
    void statusAndDiffPassOnTheBaselinesParentAndFailNamingTheColumnOnceItDrifted(@TempDir Path project)
            throws Exception {
        try (Branch production = server.create(BranchSpec.root("shop_managed").ifExists(IfExists.REPLACE)
                .seed(Seed.sql("CREATE TABLE customer (customer_id int PRIMARY KEY, email varchar(60) NOT NULL);"))
                .build())) {
            configure(new BaselineMojo(), project, "shop_managed").execute();
            status(project).execute();
            diff(project).execute();
            try (Connection connection = production.connect(); Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE customer ALTER COLUMN email TYPE varchar(80)");
            }
            String drift = "public.customer.email: type is character varying(60) in baseline.yaml,"
                    + " character varying(80) on the parent";
            assertThatThrownBy(status(project)::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining(drift).hasMessageContaining("in 1 place(s)");
            assertThatThrownBy(diff(project)::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining(drift);
        }
    }

    private static StatusMojo status(Path project) {
        StatusMojo status = configure(new StatusMojo(), project, "shop_managed");
        status.classesDirectory = project.resolve("target/classes").toFile();
        status.runtimeClasspath = List.of();
        return status;
    }

    private static DiffMojo diff(Path project) {
        DiffMojo diff = configure(new DiffMojo(), project, "shop_managed");
        diff.classesDirectory = project.resolve("target/classes").toFile();
        diff.runtimeClasspath = List.of();
        diff.diffFile = project.resolve("target/graft/schema-diff.md").toFile();
        return diff;
    }

    private static <T extends ParentMojo> T configure(T mojo, Path project, String parent) {
        mojo.engine = "server";
        mojo.url = adminUrl;
        mojo.user = user;
        mojo.password = password;
        mojo.parent = parent;
        mojo.catalogDirectory = project.resolve("src/main/graft").toFile();
        mojo.sqlOutput = project.resolve("src/main/resources/db/migration").toFile();
        mojo.javaOutput = project.resolve("src/main/java").toFile();
        mojo.javaPackage = "db.migration";
        mojo.batchSize = 1000;
        mojo.dataDirectory = project.resolve("target/graft/postgres").toFile();
        return mojo;
    }
}
