package dev.graft.verifier.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graft.verifier.snapshot.ObjectKind;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaObject;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code proof} object of the JSON report, written and read back. */
public final class ProofJson {

    private ProofJson() {
    }

    /** The {@code proof} object: start version, schema fingerprint and objects, content hashes. */
    public static Map<String, Object> render(ProvenStart start) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start_version", start.version().orElse(null));
        out.put("start_fingerprint", start.fingerprint());
        out.put("start_schema", start.schema().objects().values().stream().map(ProofJson::object).toList());
        out.put("content_hashes", new java.util.TreeMap<>(start.hashes()));
        return out;
    }

    private static Map<String, Object> object(SchemaObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", o.kind().label());
        out.put("name", o.name());
        out.put("definition", o.definition());
        return out;
    }

    /** The proof of a parsed report; {@link ProvenStart#none()} for a report written before proofs. */
    static ProvenStart start(JsonNode report) {
        JsonNode proof = report.path("proof");
        if (proof.isMissingNode() || proof.isNull()) {
            return ProvenStart.none();
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        proof.path("content_hashes").properties().forEach(e -> hashes.put(e.getKey(), e.getValue().asText()));
        return new ProvenStart(text(proof.path("start_version")), SchemaSnapshot.of(objects(proof.path("start_schema"))),
                hashes);
    }

    /** The whole schema difference of one migration of the report: the user's objects and Graft's helpers. */
    static SchemaDiff diff(JsonNode migration) {
        JsonNode users = migration.path("schema_diff");
        JsonNode helpers = users.path("graft_helpers");
        List<SchemaObject> added = objects(users.path("added"));
        added.addAll(objects(helpers.path("added")));
        List<SchemaObject> removed = objects(users.path("removed"));
        removed.addAll(objects(helpers.path("removed")));
        List<SchemaDiff.Change> changed = changes(users.path("changed"));
        changed.addAll(changes(helpers.path("changed")));
        return new SchemaDiff(added, removed, changed);
    }

    private static List<SchemaDiff.Change> changes(JsonNode array) {
        List<SchemaDiff.Change> changed = new ArrayList<>();
        array.forEach(c -> changed.add(new SchemaDiff.Change(kind(c), c.path("name").asText(),
                c.path("before").asText(), c.path("after").asText())));
        return changed;
    }

    private static List<SchemaObject> objects(JsonNode array) {
        List<SchemaObject> objects = new ArrayList<>();
        array.forEach(o -> objects.add(new SchemaObject(kind(o), o.path("name").asText(), o.path("definition").asText())));
        return objects;
    }

    private static ObjectKind kind(JsonNode node) {
        return ObjectKind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT));
    }

    static Optional<String> text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }
}
