package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
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
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("graft.ttl \"soon\" is not a duration; write 90m, 8h, 2d or PT8H");
    }

    @Test
    void anUnknownEngineIsAUserMistakeNamingTheChoices() {
        BranchMojo mojo = new BranchMojo();
        mojo.engine = "oracle";
        mojo.user = "postgres";
        mojo.action = "list";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unknown engine \"oracle\"; choose one of embedded, server, neon, lakebase");
    }

    @Test
    void theServerEngineWithoutAUrlSaysWhatIsMissing() {
        BranchMojo mojo = new BranchMojo();
        mojo.engine = "server";
        mojo.user = "postgres";
        mojo.action = "list";
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("the server engine needs a JDBC URL (graft.url)");
    }
}
