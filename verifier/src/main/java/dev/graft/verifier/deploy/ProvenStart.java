package dev.graft.verifier.deploy;

import dev.graft.verifier.snapshot.SchemaObject;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a verification proved its migrations from: the parent's last applied version and schema,
 * and each verified migration's content hash ({@link ContentHash}).
 *
 * @param version the parent's last applied Flyway version; empty for a parent without history
 * @param schema  the parent's schema, without Flyway's history table
 * @param hashes  the content hash of each verified migration, by Flyway version
 */
public record ProvenStart(Optional<String> version, SchemaSnapshot schema, Map<String, String> hashes) {

    public ProvenStart {
        Objects.requireNonNull(version, "version == null");
        schema = withoutHistory(Objects.requireNonNull(schema, "schema == null"));
        hashes = Map.copyOf(hashes);
    }

    /** Nothing proven: a report made without a parent to start from. */
    public static ProvenStart none() {
        return new ProvenStart(Optional.empty(), SchemaSnapshot.of(java.util.List.of()), Map.of());
    }

    /** SHA-256 over every object's kind, name and definition: two equal schemas have equal fingerprints. */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        schema.objects().values().forEach(o -> text.append(o.key()).append('\n').append(o.definition()).append('\n'));
        return ContentHash.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The schema without Flyway's history table and its objects: bookkeeping that the verifier's
     * schema differences leave out as well, so a proof and a target compare like for like.
     */
    public static SchemaSnapshot withoutHistory(SchemaSnapshot schema) {
        Map<String, SchemaObject> kept = new TreeMap<>(schema.objects());
        kept.values().removeIf(ProvenStart::isHistory);
        return new SchemaSnapshot(kept);
    }

    static boolean isHistory(SchemaObject object) {
        return object.name().substring(object.name().indexOf('.') + 1).startsWith("flyway_schema_history");
    }
}
