package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class BranchMojoTest {

    @Test
    void ttlsAreReadInShortAndIsoForm() throws Exception {
        assertThat(BranchMojo.duration("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(BranchMojo.duration("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(BranchMojo.duration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(BranchMojo.duration("PT30S")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBadTtlIsAUserMistakeWithTheFix() {
        assertThatThrownBy(() -> BranchMojo.duration("soon"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("graft.ttl \"soon\" is not a duration; write 90m, 8h, 2d or PT8H");
    }

    @Test
    void anUnknownEngineIsAUserMistakeNamingTheChoices() {
        assertThatThrownBy(listing("oracle")::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown engine \"oracle\"; choose one of embedded, server, neon, lakebase, "
                        + "testcontainers");
    }

    @Test
    void theTestcontainersEngineWithoutItsOptionalDependencySaysWhatToAdd() {
        // The plugin does not bring Testcontainers along; this module's tests do not have it either.
        assertThatThrownBy(() -> Class.forName("org.testcontainers.containers.PostgreSQLContainer"))
                .isInstanceOf(ClassNotFoundException.class);
        BranchMojo mojo = listing("testcontainers");
        mojo.image = "postgres:16";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("the testcontainers engine needs org.testcontainers:testcontainers-postgresql"
                        + " on the classpath (Maven: a <dependency> of the graft-maven-plugin");
    }

    @Test
    void theServerEngineWithoutAUrlSaysWhatIsMissing() {
        assertThatThrownBy(listing("server")::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("set-up: ")
                .hasMessageContaining("the server engine needs a JDBC URL (graft.url)");
    }

    /** {@code graft:branch -Dgraft.action=list} on that engine, as Maven would configure it. */
    private static BranchMojo listing(String engine) {
        BranchMojo mojo = new BranchMojo();
        mojo.engine = engine;
        mojo.user = "postgres";
        mojo.action = "list";
        return mojo;
    }
}
