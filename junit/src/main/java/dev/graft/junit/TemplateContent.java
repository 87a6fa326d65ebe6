package dev.graft.junit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a template is made of, read once: the migration locations and the seed scripts, with a
 * hash of every byte in them. The template's name carries two hashes: one of the configuration
 * (which locations), so that templates superseded by edited files can be found, and one of the
 * content, so that an edit gives a new template and an unchanged one is reused.
 *
 * @param migrations Flyway locations
 * @param seeds seed scripts, in order
 * @param configurationHash 8 hex digits naming the locations
 * @param contentHash 16 hex digits naming their content
 */
record TemplateContent(List<String> migrations, List<SeedScript> seeds, String parent, String configurationHash,
                       String contentHash) {

    /** Bump when the way templates are built changes, so that old templates are not reused. */
    private static final String FORMAT = "graft-junit-template-1";
    private static final String PREFIX = "graft_t_";

    TemplateContent {
        migrations = List.copyOf(migrations);
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(parent, "parent == null");
        Objects.requireNonNull(configurationHash, "configurationHash == null");
        Objects.requireNonNull(contentHash, "contentHash == null");
    }

    /**
     * One seed script.
     *
     * @param location as the annotation names it
     * @param text its SQL
     */
    record SeedScript(String location, String text) {
    }

    static TemplateContent read(DatabaseSettings settings, ClassLoader loader) {
        ScriptSources sources = new ScriptSources(loader);
        MessageDigest configuration = sha256();
        MessageDigest content = sha256();
        update(content, FORMAT);
        if (!settings.parent().isEmpty()) {
            update(configuration, "parent " + settings.parent());
            update(content, "parent " + settings.parent());
        }
        for (String location : settings.migrations()) {
            update(configuration, "migrations " + location);
            update(content, "migrations " + location);
            for (Map.Entry<String, byte[]> file : sources.migrationFiles(location).entrySet()) {
                update(content, file.getKey());
                content.update(sha256().digest(file.getValue()));
            }
        }
        List<SeedScript> seeds = new ArrayList<>();
        for (String location : settings.seeds()) {
            byte[] bytes = sources.seed(location);
            update(configuration, "seed " + location);
            update(content, "seed " + location);
            content.update(sha256().digest(bytes));
            seeds.add(new SeedScript(location, new String(bytes, StandardCharsets.UTF_8)));
        }
        return new TemplateContent(settings.migrations(), seeds, settings.parent(),
                HexFormat.of().formatHex(configuration.digest()).substring(0, 8),
                HexFormat.of().formatHex(content.digest()).substring(0, 16));
    }

    /** The template database's name: {@code graft_t_<configuration>_<content>}. */
    String templateName() {
        return familyPrefix() + contentHash;
    }

    /** What every template of these locations is named with, whatever their content. */
    String familyPrefix() {
        return PREFIX + configurationHash + "_";
    }

    /** A description for messages: which locations the template is built from. */
    String describe() {
        List<String> parts = new ArrayList<>(migrations);
        seeds.forEach(s -> parts.add(s.location()));
        String base = parent.isEmpty() ? "" : "a branch of \"" + parent + "\"" + (parts.isEmpty() ? "" : " with ");
        return parts.isEmpty() && parent.isEmpty() ? "an empty database" : base + String.join(", ", parts);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
