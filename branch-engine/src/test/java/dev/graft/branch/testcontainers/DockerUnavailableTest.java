package dev.graft.branch.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.BranchException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a Docker engine the engine fails at once with one message naming what is missing. Needs no Docker. */
class DockerUnavailableTest {

    @TempDir
    Path dir;

    @Test
    void aDockerSocketThatDoesNotExistIsNamed() {
        Path socket = dir.resolve("docker.sock");
        assertThatThrownBy(() -> ContainerEngine.start(ContainerConfig.builder().dockerHost("unix://" + socket).build()))
                .isInstanceOf(BranchException.class)
                .hasMessage("no Docker engine answers at dockerHost unix://" + socket + ": the socket " + socket
                        + " does not exist; start Docker there, or point dockerHost at a running engine");
    }

    @Test
    void aClosedDockerSocketIsNamed() throws IOException {
        Path socket = dir.resolve("closed.sock");
        // Bound and closed: the file stays, and nothing listens behind it.
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(Files.exists(socket)).isTrue();
        assertThatThrownBy(() -> ContainerEngine.start(ContainerConfig.builder().dockerHost("unix://" + socket).build()))
                .isInstanceOf(BranchException.class)
                .hasMessageStartingWith("no Docker engine answers at dockerHost unix://" + socket + ": the socket " + socket
                        + " refuses connections");
    }

    @Test
    void aDockerHostPortThatNobodyListensOnIsNamed() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String host = "tcp://127.0.0.1:" + port;
        assertThatThrownBy(() -> ContainerEngine.start(ContainerConfig.builder().dockerHost(host).build()))
                .isInstanceOf(BranchException.class)
                .hasMessageStartingWith("no Docker engine answers at dockerHost " + host + ": 127.0.0.1:" + port
                        + " refuses connections");
    }
}
