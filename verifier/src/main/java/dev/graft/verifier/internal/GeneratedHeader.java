package dev.graft.verifier.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a migration's text is the generator's output as it wrote it. The generator heads each file
 * with its source, its version and {@code content: sha256:<hex>}, the SHA-256 of the text after the
 * header; a file whose text no longer has that checksum was edited by hand. This mirrors
 * {@code dev.graft.generator.render.Header} (the patterns, and {@code body}) and the EDITED drift of
 * {@code dev.graft.generator.Generator#check}: the verifier does not depend on the generator, so a
 * change to the header there must be made here too ({@code GeneratedHeaderTest} runs this over the
 * generator's committed output).
 */
public final class GeneratedHeader {

    private static final Pattern SOURCE = Pattern.compile("(?m)^(?:--|//|#) source: (\\S+) sha256:([0-9a-f]{64})$");
    private static final Pattern GENERATOR = Pattern.compile("(?m)^(?:--|//|#) generator: graft (\\S+)$");
    private static final Pattern CONTENT = Pattern.compile("(?m)^(?:--|//|#) content: sha256:([0-9a-f]{64})$");

    private GeneratedHeader() {
    }

    /**
     * Where {@code text} comes from: a file claiming the generator ({@code -- generator: graft ...})
     * is generated only if its whole header is there and the checksum matches; otherwise it was
     * generated, then edited by hand.
     */
    public static PendingMigration.Origin origin(String text) {
        if (!GENERATOR.matcher(text).find()) {
            return PendingMigration.Origin.HAND_WRITTEN;
        }
        Matcher content = CONTENT.matcher(text);
        if (!SOURCE.matcher(text).find() || !content.find()) {
            return PendingMigration.Origin.EDITED;
        }
        String body = text.substring(Math.min(text.length(), content.end() + 1));
        return sha256(body).equals(content.group(1)) ? PendingMigration.Origin.GENERATED
                : PendingMigration.Origin.EDITED;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
