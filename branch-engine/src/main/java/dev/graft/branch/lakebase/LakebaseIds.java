package dev.graft.branch.lakebase;

import dev.graft.branch.BranchNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Lakebase resource ids are RFC 1123 labels: 1 to 63 of {@code [a-z0-9-]}, starting with a
 * letter and ending with a letter or digit. {@link BranchNames#sanitize} allows {@code _} too,
 * so an underscore becomes a hyphen, and the name then gets a short hash of the request so that
 * {@code "pr_42"} and {@code "pr-42"} still name two branches.
 */
final class LakebaseIds {

    private static final int HASH_LENGTH = 8;

    private LakebaseIds() {
    }

    /** The branch id for a requested name. */
    static String of(String requested) {
        String sanitized = BranchNames.sanitize(requested);
        if (isValid(sanitized)) {
            return sanitized;
        }
        String hyphenated = sanitized.replace('_', '-').replaceAll("-+$", "");
        String suffix = "-" + hash(requested);
        String kept = hyphenated.substring(0, Math.min(hyphenated.length(), BranchNames.MAX_LENGTH - suffix.length()));
        return kept.replaceAll("-+$", "") + suffix;
    }

    /** True when the text is a Lakebase id as it stands. */
    static boolean isValid(String id) {
        return id.length() <= BranchNames.MAX_LENGTH && id.matches("[a-z]([a-z0-9-]*[a-z0-9])?");
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
