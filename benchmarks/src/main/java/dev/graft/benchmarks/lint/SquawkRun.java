package dev.graft.benchmarks.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs squawk on one file ({@code --reporter json}), inside a transaction as Flyway would unless
 * the file's {@code .sql.conf} says otherwise, with its opt-in idempotency rule
 * ({@code prefer-robust-stmts}) on; and maps its rule names onto the corpus' hazard classes.
 */
final class SquawkRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** squawk 2.66's rule names by the hazard class they report. */
    static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("adding-field-with-default", "locks"), Map.entry("adding-foreign-key-constraint", "locks"),
            Map.entry("adding-not-nullable-field", "locks"), Map.entry("adding-serial-primary-key-field", "locks"),
            Map.entry("changing-column-type", "locks"), Map.entry("constraint-missing-not-valid", "locks"),
            Map.entry("disallowed-unique-constraint", "locks"), Map.entry("require-concurrent-index-creation", "locks"),
            Map.entry("require-concurrent-index-deletion", "locks"), Map.entry("require-concurrent-partition-detach", "locks"),
            Map.entry("require-concurrent-reindex", "locks"), Map.entry("require-lock-timeout", "locks"),
            Map.entry("require-statement-timeout", "locks"), Map.entry("require-timeout-settings", "locks"),
            Map.entry("ban-concurrent-index-creation-in-transaction", "transaction"),
            Map.entry("transaction-nesting", "transaction"), Map.entry("ban-uncommitted-transaction", "transaction"),
            Map.entry("prefer-robust-stmts", "idempotency"),
            Map.entry("ban-drop-column", "breaking"), Map.entry("ban-drop-table", "breaking"),
            Map.entry("ban-drop-not-null", "breaking"), Map.entry("renaming-column", "breaking"),
            Map.entry("renaming-table", "breaking"),
            Map.entry("adding-required-field", "fails"), Map.entry("ban-drop-database", "fails"),
            Map.entry("ban-truncate-cascade", "fails"), Map.entry("ban-duplicate-column-assignments", "fails"),
            Map.entry("ban-alter-domain-with-add-constraint", "types"),
            Map.entry("ban-create-domain-with-constraint", "types"), Map.entry("require-enum-value-ordering", "types"),
            Map.entry("ban-char-field", "style"), Map.entry("prefer-bigint-over-int", "style"),
            Map.entry("prefer-bigint-over-smallint", "style"), Map.entry("prefer-identity", "style"),
            Map.entry("prefer-text-field", "style"), Map.entry("prefer-timestamp-tz", "style"),
            Map.entry("identifier-too-long", "style"));

    private final String squawk;

    SquawkRun(String squawk) {
        this.squawk = squawk;
    }

    /** squawk's version line. */
    String version() throws IOException, InterruptedException {
        return new String(run(List.of(squawk, "--version")), StandardCharsets.UTF_8).strip();
    }

    /** The rule names squawk reports for the file, in order. */
    List<String> rules(Path file, boolean inTransaction) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(squawk, "--reporter", "json", "--include", "prefer-robust-stmts"));
        if (inTransaction) {
            command.add("--assume-in-transaction");
        }
        command.add(file.toString());
        List<String> rules = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(run(command))) {
            rules.add(finding.get("rule_name").asText());
        }
        return rules;
    }

    private static byte[] run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor();
        return out;
    }
}
