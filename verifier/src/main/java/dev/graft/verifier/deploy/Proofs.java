package dev.graft.verifier.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.verifier.snapshot.SchemaObject;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The verification reports a deployment is given: which migration files they proved, and the schema
 * each expects before and after each of its migrations.
 *
 * @param reports every report read, in file-name order
 */
public record Proofs(List<Report> reports) {

    /**
     * One JSON report.
     *
     * @param file   where it was read from
     * @param passed whether the whole verification passed
     * @param start  what it started from
     * @param steps  its migrations, in order
     */
    public record Report(Path file, boolean passed, ProvenStart start, List<Step> steps) { }

    /**
     * One verified migration of a report.
     *
     * @param version its Flyway version
     * @param script  its file name
     * @param passed  whether its checks passed
     * @param after   the schema the proof saw once it was applied
     */
    public record Step(String version, String script, boolean passed, SchemaSnapshot after) { }

    public Proofs {
        reports = List.copyOf(reports);
    }

    /**
     * The reports of {@code path}: a JSON report, or a directory whose {@code *.json} files (any depth) are.
     *
     * @throws IllegalArgumentException if there is no report there or one cannot be read
     */
    public static Proofs load(Path path) {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new IllegalArgumentException("no proof at " + path + ": run graft:verify first, or pass the report"
                    + " of the verification (a file or a directory of them)");
        }
        ObjectMapper mapper = new ObjectMapper();
        List<Report> reports = new ArrayList<>();
        for (Path file : files) {
            try {
                reports.add(report(file, mapper.readTree(file.toFile())));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read the proof " + file + ": " + e.getMessage(), e);
            }
        }
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no proof in " + path + ": the directory has no JSON report");
        }
        return new Proofs(reports);
    }

    private static Report report(Path file, JsonNode root) {
        ProvenStart start = ProofJson.start(root);
        Map<String, SchemaObject> schema = new TreeMap<>(start.schema().objects());
        List<Step> steps = new ArrayList<>();
        for (JsonNode migration : root.path("migrations")) {
            apply(ProofJson.diff(migration).without(ProvenStart::isHistory), schema);
            steps.add(new Step(migration.path("version").asText(), migration.path("script").asText(),
                    migration.path("passed").asBoolean(), new SchemaSnapshot(schema)));
        }
        return new Report(file, root.path("passed").asBoolean(), start, steps);
    }

    /** {@code schema} with {@code diff} applied: what was added or changed is there, what was removed is gone. */
    private static void apply(dev.graft.verifier.snapshot.SchemaDiff diff, Map<String, SchemaObject> schema) {
        diff.removed().forEach(o -> schema.remove(o.key()));
        diff.added().forEach(o -> schema.put(o.key(), o));
        diff.changed().forEach(c -> {
            SchemaObject after = new SchemaObject(c.kind(), c.name(), c.after());
            schema.put(after.key(), after);
        });
    }

    /**
     * Why migration {@code version} with content hash {@code hash} may not be applied, or empty if a
     * passing report proved exactly this file.
     */
    public Optional<String> refusal(String version, String hash) {
        boolean provenPassing = reports.stream().anyMatch(r -> r.passed() && hash.equals(r.start().hashes().get(version)));
        if (provenPassing) {
            return Optional.empty();
        }
        if (reports.stream().anyMatch(r -> hash.equals(r.start().hashes().get(version)))) {
            return Optional.of("it is only in a failed report (" + files(r -> hash.equals(r.start().hashes().get(version)))
                    + "): fix it and verify again");
        }
        if (reports.stream().anyMatch(r -> r.start().hashes().containsKey(version))) {
            return Optional.of("its content (sha256 " + hash.substring(0, 12) + ") differs from what "
                    + files(r -> r.start().hashes().containsKey(version))
                    + " proved: the file was edited after the proof; verify it again");
        }
        return Optional.of("it is not in any report given (" + files(r -> true) + "): verify it first");
    }

    private String files(java.util.function.Predicate<Report> which) {
        return String.join(", ", reports.stream().filter(which).map(r -> r.file().getFileName().toString()).toList());
    }

    /**
     * The schema a passing report expects on a database whose last applied version is {@code version}
     * (empty: no history): its start if that is the version it started from, else the schema after its
     * migration of that version. Empty if no passing report knows that version.
     */
    public Optional<SchemaSnapshot> expectedAt(Optional<String> version) {
        for (Report report : reports) {
            if (!report.passed()) {
                continue;
            }
            if (report.start().version().equals(version)) {
                return Optional.of(report.start().schema());
            }
            Optional<Step> step = report.steps().stream().filter(s -> version.equals(Optional.of(s.version())))
                    .findFirst();
            if (step.isPresent()) {
                return Optional.of(step.get().after());
            }
        }
        return Optional.empty();
    }
}
