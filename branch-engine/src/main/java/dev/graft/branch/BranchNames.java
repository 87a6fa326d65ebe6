package dev.graft.branch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a requested branch name into one every engine accepts: lower case {@code [a-z0-9_-]},
 * starting with a letter, at most {@link #MAX_LENGTH} characters. A name that had to be changed
 * gets a short hash of the original, so two different requests never map to the same branch
 * ({@code "PR/42"} and {@code "pr_42"} stay apart).
 */
public final class BranchNames {

    /** PostgreSQL identifiers are at most 63 bytes; cloud branch ids likewise. */
    public static final int MAX_LENGTH = 63;

    private static final int HASH_LENGTH = 8;

    private BranchNames() {
    }

    public static String sanitize(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new BranchException("a branch name must not be blank");
        }
        String cleaned = requested.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "_");
        if (!Character.isLetter(cleaned.charAt(0))) {
            cleaned = "b_" + cleaned;
        }
        if (cleaned.equals(requested) && cleaned.length() <= MAX_LENGTH) {
            return cleaned;
        }
        String suffix = "-" + hash(requested);
        int keep = Math.min(cleaned.length(), MAX_LENGTH - suffix.length());
        return cleaned.substring(0, keep) + suffix;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
