package dev.graft.branch.cloud;

import java.util.Objects;

/**
 * A credential (API key, access token, database password) that must never reach a log, an
 * exception message or a {@code toString}. Only {@link #reveal()} hands out the value, and only
 * the code that puts it on the wire calls it.
 */
public final class Secret {

    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank credential. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("secret is blank");
        }
        return new Secret(value.strip());
    }

    /** The credential itself; for request headers and JDBC passwords only. */
    public String reveal() {
        return value;
    }

    /**
     * The text with every occurrence of this secret masked: services sometimes echo a bad key
     * back in their error message, and that message ends up in ours.
     */
    public String redact(String text) {
        return text == null ? null : text.replace(value, MASK);
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
