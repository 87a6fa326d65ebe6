package dev.graft.branch.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.graft.branch.BranchException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * What must hold before a container is asked for: a Docker engine that answers, and the image on
 * it. Each failure becomes one {@link BranchException} that names what is missing, instead of
 * Testcontainers' list of strategies tried or two minutes of pull retries.
 */
final class DockerPreflight {

    private static final String DEFAULT_SOCKET = "/var/run/docker.sock";
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;
    /**
     * The clean-up container's image as Testcontainers 2.0.5 names it (in its package-private
     * {@code RyukContainer}; a test reads it from there, so an upgrade cannot leave it stale).
     */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

    private DockerPreflight() {
    }

    /** The Docker client Testcontainers will use, once the configured engine (if any) was seen to answer. */
    static DockerClient requireEngine(ContainerConfig config) {
        config.dockerHost().ifPresent(DockerPreflight::requireAnswer);
        requireCleanUpImage();
        DockerClient client = testcontainersClient();
        config.dockerHost().ifPresent(DockerPreflight::requireChosenByTestcontainers);
        return client;
    }

    /** Checks that the image is on the engine, pulling it once where it is not. */
    static void requireImage(DockerClient client, String image) {
        requireImage(client, image, "; pull or build it there first, or name an image that is");
    }

    private static void requireImage(DockerClient client, String image, String advice) {
        try {
            client.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            // not here yet: pull it below
        }
        DockerImageName name = DockerImageName.parse(image);
        long timeout = TestcontainersConfiguration.getInstance().getImagePullTimeout();
        try {
            boolean done = client.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart())
                    .exec(new PullImageResultCallback()).awaitCompletion(timeout, TimeUnit.SECONDS);
            if (!done) {
                throw new BranchException("image \"" + image + "\" is not on the Docker engine and pulling it took more than "
                        + timeout + " s (Testcontainers' pull.timeout)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchException("interrupted while pulling image \"" + image + "\"", e);
        } catch (RuntimeException e) {
            if (e instanceof BranchException) {
                throw e;
            }
            throw new BranchException("image \"" + image + "\" is not on the Docker engine and cannot be pulled ("
                    + firstLine(e) + ")" + advice, e);
        }
    }

    /**
     * Testcontainers' first client starts its clean-up container (Ryuk) and, where that image cannot
     * be pulled, retries for two minutes before failing with a message about the image only.
     */
    private static void requireCleanUpImage() {
        if (Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return;
        }
        String ryuk = ImageNameSubstitutor.instance().apply(DockerImageName.parse(RYUK_IMAGE)).asCanonicalNameString();
        TransportConfig transport = transport();
        try (DockerClient raw = DockerClientProviderStrategy.getClientForConfig(transport)) {
            requireImage(raw, ryuk, "");
        } catch (BranchException e) {
            throw new BranchException("the Docker engine answers, but Testcontainers needs its clean-up container: "
                    + e.getMessage() + "; where that image cannot be had, set the environment variable "
                    + "TESTCONTAINERS_RYUK_DISABLED=true (this engine removes its container on close and at JVM exit)", e);
        } catch (IOException e) {
            // closing a client that did its work: nothing to report
        }
    }

    private static TransportConfig transport() {
        try {
            return DockerClientFactory.instance().getTransportConfig();
        } catch (RuntimeException e) {
            throw new BranchException(describe(e), e);
        }
    }

    private static DockerClient testcontainersClient() {
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new BranchException(describe(e), e);
        }
    }

    private static String describe(RuntimeException failure) {
        String dockerHost = System.getenv("DOCKER_HOST");
        String where = dockerHost != null && !dockerHost.isBlank()
                ? "DOCKER_HOST=" + dockerHost + " does not answer"
                : "DOCKER_HOST is not set and " + socketState(Path.of(DEFAULT_SOCKET));
        return "no Docker engine: " + where + " (Testcontainers: " + firstLine(failure) + "); start Docker (dockerd or "
                + "Docker Desktop) or set DOCKER_HOST, or use the embedded or server engine";
    }

    private static String socketState(Path socket) {
        if (!Files.exists(socket)) {
            return "there is no Docker socket at " + socket;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return "the Docker socket " + socket + " accepts connections but does not answer as Docker";
        } catch (IOException | UnsupportedOperationException e) {
            return "nothing answers on the Docker socket " + socket + " (" + e.getMessage() + ")";
        }
    }

    private static void requireAnswer(String dockerHost) {
        URI uri = URI.create(dockerHost);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        switch (scheme) {
            case "unix" -> {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    throw unavailable(dockerHost, "the socket " + socket + " does not exist");
                }
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException | UnsupportedOperationException e) {
                    throw unavailable(dockerHost, "the socket " + socket + " refuses connections (" + e.getMessage() + ")");
                }
            }
            case "tcp", "http", "https" -> {
                int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) ? 2376 : 2375;
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
                } catch (IOException | IllegalArgumentException e) {
                    throw unavailable(dockerHost, uri.getHost() + ":" + port + " refuses connections (" + e.getMessage() + ")");
                }
            }
            default -> {
                // npipe:// and others: Testcontainers' own connection attempt is the check
            }
        }
    }

    private static BranchException unavailable(String dockerHost, String why) {
        return new BranchException("no Docker engine answers at dockerHost " + dockerHost + ": " + why
                + "; start Docker there, or point dockerHost at a running engine");
    }

    private static void requireChosenByTestcontainers(String dockerHost) {
        URI chosen = DockerClientFactory.instance().getTransportConfig().getDockerHost();
        if (!URI.create(dockerHost).normalize().equals(chosen.normalize())) {
            throw new BranchException("dockerHost is " + dockerHost + " but Testcontainers in this JVM uses " + chosen
                    + "; Testcontainers picks one Docker engine per JVM, so set DOCKER_HOST=" + dockerHost
                    + " in the environment instead");
        }
    }

    private static String firstLine(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = String.valueOf(failure.getMessage()) + (deepest == failure ? "" : ": " + deepest.getMessage());
        return message.lines().findFirst().orElse(message).trim();
    }
}
