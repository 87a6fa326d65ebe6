package dev.graft.branch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One server per data directory across JVMs: a second JVM attaches to the first one's server,
 * and takes over within seconds when the first is killed.
 */
class SharedServerTest {

    private final Path data = Path.of("target", "graft", "shared-" + UUID.randomUUID()).toAbsolutePath();
    private Process child;

    /** Stops what the test left: this JVM's server, the child, and the server a killed child leaves running. */
    @AfterEach
    void stop() throws InterruptedException {
        EmbeddedServer.stop(data);
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        new DataDirectory(data).postmasterPid().flatMap(ProcessHandle::of).ifPresent(DataDirectory::stopPostmaster);
    }

    @Test
    void aSecondJvmAttachesToTheServerTheFirstKeepsRunning() throws Exception {
        int port = startChild();
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        assertThat(engine.target().port()).isEqualTo(port);
        try (Branch mine = engine.create(BranchSpec.of("mine").parent("served").build())) {
            assertThat(Fixtures.count(mine, "t")).isEqualTo(3);
        }
        // letting go of an attached server leaves it running for its owner
        engine.stopServer();
        assertThat(child.isAlive()).isTrue();
        EmbeddedEngine again = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        assertThat(again.target().port()).isEqualTo(port);
        assertThat(again.get("served")).isPresent();
        again.close();
    }

    @Test
    void whenTheOwnerIsKilledTheNextJvmTakesOverWithinSeconds() throws Exception {
        startChild();
        EmbeddedEngine attached = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        long postmaster = new DataDirectory(data).postmasterPid().orElseThrow();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("kill -9 leaves the server").contains(true);
        attached.close();

        long begin = System.nanoTime();
        EmbeddedEngine owner = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("took over the killed owner's data directory in " + millis + " ms");
        assertThat(millis).as("took over in %d ms", millis).isLessThan(15_000);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ServerInfo.read(new DataDirectory(data).infoFile()).orElseThrow().ownerPid())
                .isEqualTo(ProcessHandle.current().pid());
        try (Branch root = owner.get("served").orElseThrow()) {
            assertThat(Fixtures.count(root, "t")).isEqualTo(3);
        }
        owner.stopServer();
        assertThat(new DataDirectory(data).infoFile()).doesNotExist();
    }

    @Test
    void aSecondCopyOfGraftInTheSameJvmAttachesInsteadOfCollidingOnTheLock() throws Exception {
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        URL[] classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(entry -> {
            try {
                return Path.of(entry).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        // as a Maven plugin and a test run in one JVM each load Graft with their own class loader
        try (URLClassLoader other = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> configClass = other.loadClass(EmbeddedConfig.class.getName());
            Object builder = configClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("dataDirectory", Path.class).invoke(builder, data);
            Object config = builder.getClass().getMethod("build").invoke(builder);
            Class<?> engineClass = other.loadClass(EmbeddedEngine.class.getName());
            assertThat(engineClass).isNotSameAs(EmbeddedEngine.class);
            Object attached = engineClass.getMethod("start", configClass).invoke(null, config);
            Object target = engineClass.getMethod("target").invoke(attached);
            assertThat(target.getClass().getMethod("port").invoke(target)).isEqualTo(engine.target().port());
            engineClass.getMethod("stopServer").invoke(attached);
        }
        assertThat(engine.get("anything")).isEmpty();
        engine.stopServer();
    }

    private int startChild() throws IOException {
        ChildJvm started = ChildJvm.start(ServingChild.class, "READY ", data.toString());
        child = started.process();
        assertThat(Files.exists(new DataDirectory(data).infoFile())).isTrue();
        return Integer.parseInt(started.readyLine().substring("READY ".length()));
    }
}
