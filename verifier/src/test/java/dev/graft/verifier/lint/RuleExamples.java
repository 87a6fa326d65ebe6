package dev.graft.verifier.lint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The examples of {@code src/test/resources/lint/rules.sql}: a bad and a good one per rule. */
record RuleExamples(LintRule rule, String why, Example bad, Example good) {

    /** One example file: its SQL and its {@code .sql.conf} {@code executeInTransaction}, if set. */
    record Example(String sql, Optional<Boolean> executeInTransaction) {

        /** The options a test lints it with: the rule on, the timeout rule off unless it is the rule. */
        LintOptions options(LintRule rule) {
            LintOptions options = LintOptions.defaults().with(rule);
            options = rule == LintRule.MISSING_TIMEOUTS ? options : options.without(LintRule.MISSING_TIMEOUTS);
            return executeInTransaction.map(options::inTransaction).orElse(options);
        }
    }

    static final Path FILE = Path.of("src/test/resources/lint/rules.sql");

    static List<RuleExamples> read() throws Exception {
        List<RuleExamples> rules = new ArrayList<>();
        String code = null;
        String why = "";
        String section = "";
        Optional<Boolean> conf = Optional.empty();
        Optional<Boolean> badConf = Optional.empty();
        Optional<Boolean> goodConf = Optional.empty();
        StringBuilder bad = new StringBuilder();
        StringBuilder good = new StringBuilder();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (line.startsWith("-- rule: ")) {
                if (code != null) {
                    rules.add(of(code, why, bad, badConf, good, goodConf));
                }
                code = line.substring("-- rule: ".length()).strip();
                why = "";
                section = "";
                conf = Optional.empty();
                bad.setLength(0);
                good.setLength(0);
            } else if (line.startsWith("-- why: ")) {
                why = line.substring("-- why: ".length()).strip();
            } else if (line.startsWith("-- conf: executeInTransaction=")) {
                conf = Optional.of(Boolean.parseBoolean(line.substring("-- conf: executeInTransaction=".length()).strip()));
            } else if (line.equals("-- bad:")) {
                section = "bad";
                badConf = conf;
                conf = Optional.empty();
            } else if (line.equals("-- good:")) {
                section = "good";
                goodConf = conf;
                conf = Optional.empty();
            } else if (section.equals("bad")) {
                bad.append(line).append('\n');
            } else if (section.equals("good")) {
                good.append(line).append('\n');
            }
        }
        rules.add(of(code, why, bad, badConf, good, goodConf));
        return rules;
    }

    private static RuleExamples of(String code, String why, StringBuilder bad, Optional<Boolean> badConf,
            StringBuilder good, Optional<Boolean> goodConf) {
        LintRule rule = LintRule.ofCode(code).orElseThrow(() -> new IllegalStateException("no rule " + code));
        return new RuleExamples(rule, why, new Example(bad.toString().strip() + "\n", badConf),
                new Example(good.toString().strip() + "\n", goodConf));
    }
}
