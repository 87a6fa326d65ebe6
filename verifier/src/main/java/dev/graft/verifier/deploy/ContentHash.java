package dev.graft.verifier.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The content hash a proof records and a deployment checks: SHA-256 of a SQL migration's file bytes;
 * for a Java migration, of its compiled class file as the class loader finds it (the code that runs:
 * verify and migrate compile it with the same plugin, so one JDK gives one hash).
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * The hash of a migration: its SQL file if it has one, else the class named {@code script}.
     *
     * @throws IllegalStateException if neither can be read
     */
    public static String of(Optional<Path> file, String script, ClassLoader loader) {
        try {
            if (file.isPresent()) {
                return sha256(Files.readAllBytes(file.get()));
            }
            try (InputStream in = loader.getResourceAsStream(script.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new IllegalStateException("cannot find the class of Java migration " + script);
                }
                return sha256(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + script, e);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
