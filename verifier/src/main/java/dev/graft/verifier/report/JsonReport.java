package dev.graft.verifier.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.verifier.BranchUse;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.RoundTripFinding;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaObject;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as JSON, field names in snake_case, durations in milliseconds. */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(VerificationReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("passed", report.passed());
        root.put("outcome", dev.graft.verifier.Outcome.of(report).label());
        root.put("parent", report.parent());
        root.put("engine", report.engine());
        root.put("started", report.started().toString());
        root.put("took_ms", report.took().toMillis());
        root.put("branches_made", report.branchesMade());
        root.put("error", report.error().orElse(null));
        root.put("open_transitions", report.openTransitions());
        root.put("migrations", report.migrations().stream().map(JsonReport::migration).toList());
        root.put("proof", dev.graft.verifier.deploy.ProofJson.render(report.proof()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> migration(MigrationResult m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", m.version());
        out.put("script", m.script());
        out.put("statements", m.statements());
        out.put("passed", m.passed());
        out.put("took_ms", m.took().toMillis());
        out.put("checks", m.checks().stream().map(JsonReport::check).toList());
        out.put("schema_diff", diff(m.schemaDiff()));
        out.put("data_effects", m.dataEffects().json());
        out.put("round_trips", m.roundTrips().stream().map(JsonReport::roundTrip).toList());
        out.put("lint", m.lint().stream().map(JsonReport::lint).toList());
        out.put("branches", m.branches().stream().map(JsonReport::branch).toList());
        out.put("locks", m.locks().map(dev.graft.verifier.locks.LocksSection::json).orElse(null));
        return out;
    }

    private static Map<String, Object> check(CheckResult c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("check", c.check().id());
        out.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("took_ms", c.took().toMillis());
        out.put("summary", c.summary());
        out.put("details", c.details());
        return out;
    }

    /** The user's objects as added/removed/changed; Graft's helper objects apart under graft_helpers. */
    private static Map<String, Object> diff(SchemaDiff all) {
        Map<String, Object> out = diffObjects(all.users());
        if (!all.graftHelpers().isEmpty()) {
            out.put("graft_helpers", diffObjects(all.graftHelpers()));
        }
        return out;
    }

    private static Map<String, Object> diffObjects(SchemaDiff d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", objects(d.added()));
        out.put("removed", objects(d.removed()));
        out.put("changed", d.changed().stream().map(c -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", c.kind().label());
            o.put("name", c.name());
            o.put("before", c.before());
            o.put("after", c.after());
            return o;
        }).toList());
        return out;
    }

    private static List<Map<String, Object>> objects(List<SchemaObject> objects) {
        return objects.stream().map(o -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", o.kind().label());
            out.put("name", o.name());
            out.put("definition", o.definition());
            return out;
        }).toList();
    }

    private static Map<String, Object> roundTrip(RoundTripFinding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", f.table());
        out.put("law", f.law());
        out.put("rows", f.rows());
        out.put("failures", f.failures());
        out.put("examples", f.examples().stream().map(e -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", e.key());
            o.put("original", e.original());
            o.put("new_shape", e.newShape());
            o.put("round_trip", e.roundTrip());
            return o;
        }).toList());
        return out;
    }

    private static Map<String, Object> lint(LintFinding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", f.code());
        out.put("severity", f.rule().severity().name().toLowerCase(java.util.Locale.ROOT));
        out.put("file", f.file());
        out.put("line", f.line());
        out.put("message", f.message());
        out.put("statement", f.statement());
        out.put("suggestion", f.suggestion().orElse(null));
        return out;
    }

    private static Map<String, Object> branch(BranchUse b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", b.name());
        out.put("parent", b.parent());
        out.put("purpose", b.purpose());
        out.put("copy_method", b.copy().method().name());
        out.put("copy_ms", b.copy().took().toMillis());
        out.put("copy_detail", b.copy().detail());
        return out;
    }
}
