package dev.graft.branch.cloud;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/** Settings that may come from the environment, and the checks every cloud config applies to them. */
public final class Environment {

    private Environment() {
    }

    /** The first of these variables that is set and not blank. */
    public static Optional<String> first(Function<String, String> env, String... names) {
        for (String name : names) {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses plain HTTP except to this machine: the bearer token travels in a header, and a
     * typo in a base URL must not send it across the network in clear.
     */
    public static URI secureBase(String what, URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (host == null || scheme == null) {
            throw new IllegalArgumentException(what + " must be an absolute URL: " + uri);
        }
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException(what + " must use https (plain http only to localhost): " + uri);
        }
        return uri;
    }
}
