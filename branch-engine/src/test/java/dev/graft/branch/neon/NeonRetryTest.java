package dev.graft.branch.neon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.BranchException;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.cloud.ApiException;
import dev.graft.branch.cloud.FakeHttp.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Back-off on 423/429/503 and dead connections, the deadline, and the key kept out of every message. */
class NeonRetryTest {

    private static final String BRANCHES = "/api/v2/projects/" + FakeNeon.PROJECT + "/branches";

    private final FakeNeon fake = new FakeNeon();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void retries423And429And503UntilTheServiceAnswers() {
        fake.http.inject("POST", BRANCHES, FakeNeon.error(423, "project already has running conflicting operations"), 2);
        fake.http.inject("POST", BRANCHES, FakeNeon.error(429, "rate limit exceeded"), 1);
        fake.http.inject("POST", BRANCHES, Reply.status(503), 1);
        fake.http.inject("GET", ".*/operations/.*", Reply.status(503), 2);

        NeonEngine engine = NeonEngine.connect(fake.config().build());
        engine.create(BranchSpec.of("patient").parent("production").build());

        assertThat(fake.http.lines().stream().filter(l -> l.equals("POST " + BRANCHES))).hasSize(5);
        assertThat(fake.byName("patient")).isNotNull();
    }

    @Test
    void honoursRetryAfter() {
        fake.http.inject("POST", BRANCHES, FakeNeon.error(429, "slow down").withHeader("Retry-After", "1"), 1);
        NeonEngine engine = NeonEngine.connect(fake.config().build());

        long start = System.nanoTime();
        engine.create(BranchSpec.of("polite").parent("production").build());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givesUpAtTheDeadlineWithTheLastAnswer() {
        fake.http.inject("GET", BRANCHES, FakeNeon.error(503, "service unavailable"), 10_000);
        NeonEngine engine = NeonEngine.connect(fake.config().deadline(Duration.ofMillis(400)).build());

        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.create(BranchSpec.of("hopeless").parent("production").build()))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("neon: find branch \"production\" failed: gave up after ")
                .hasMessageContaining("attempts in ")
                .hasMessageContaining("(deadline 0.4 s); last: HTTP 503: service unavailable (request id req-503)")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void retriesConnectionsThatCannotBeMadeThenGivesUp() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NeonEngine engine = NeonEngine.connect(fake.config().baseUrl(URI.create("http://127.0.0.1:" + closedPort + "/api/v2"))
                .deadline(Duration.ofMillis(300)).build());

        assertThatThrownBy(() -> engine.get("anything"))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("gave up after")
                .hasMessageContaining("could not connect to 127.0.0.1");
    }

    @Test
    void otherErrorsFailAtOnceNamingStatusMessageAndRequestId() {
        fake.http.inject("POST", BRANCHES, FakeNeon.error(400, "name is too long"), 1);
        NeonEngine engine = NeonEngine.connect(fake.config().build());

        assertThatThrownBy(() -> engine.create(BranchSpec.of("bad").parent("production").build()))
                .hasMessage("neon: create branch \"bad\" failed: HTTP 400: name is too long (request id req-400)");
        assertThat(fake.http.lines().stream().filter(l -> l.equals("POST " + BRANCHES))).hasSize(1);
    }

    @Test
    void theKeyNeverAppearsInMessagesLogsOrToString() {
        String wrongKey = "neon-wrong-key-fedcba9876543210";
        NeonConfig config = fake.config().apiKey(wrongKey).build();
        assertThat(config.toString()).doesNotContain(wrongKey).contains("apiKey=****");
        NeonEngine engine = NeonEngine.connect(config);
        assertThat(engine.toString()).doesNotContain(wrongKey);

        // The fake, like some real services, quotes the bad credential in its 401 message.
        assertThatThrownBy(() -> engine.get("pr-1"))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("check the API key (GRAFT_NEON_API_KEY or NEON_API_KEY)")
                .hasMessageContaining("Bearer ****")
                .hasMessageNotContaining(wrongKey);

        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            fake.http.inject("POST", BRANCHES, FakeNeon.error(503, "key " + FakeNeon.KEY + " is busy"), 1);
            NeonEngine good = NeonEngine.connect(fake.config().build());
            good.create(BranchSpec.of("logged").parent("production").build()).close();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("retrying in").doesNotContain(FakeNeon.KEY).doesNotContain("pw-");
    }
}
