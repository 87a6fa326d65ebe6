package dev.graft.verifier.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one file is linted.
 *
 * @param executeInTransaction the file's {@code .sql.conf} {@code executeInTransaction}, when it sets one;
 *                             empty: Flyway's default, one transaction unless a statement cannot run in one
 * @param disabled             rules switched off
 * @param included             rules that are off by default (the style rules) switched on
 */
public record LintOptions(Optional<Boolean> executeInTransaction, Set<LintRule> disabled, Set<LintRule> included) {

    private static final Pattern IN_TRANSACTION = Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*(true|false)\\s*$");

    public LintOptions {
        Objects.requireNonNull(executeInTransaction, "executeInTransaction == null");
        disabled = Set.copyOf(disabled);
        included = Set.copyOf(included);
    }

    /** Flyway's defaults, every rule that is on by default. */
    public static LintOptions defaults() {
        return new LintOptions(Optional.empty(), Set.of(), Set.of());
    }

    /** The same options for a file whose {@code .sql.conf} says {@code executeInTransaction=value}. */
    public LintOptions inTransaction(boolean value) {
        return new LintOptions(Optional.of(value), disabled, included);
    }

    /**
     * The same options with the {@code executeInTransaction} of {@code sqlFile}'s Flyway
     * configuration file ({@code V2__x.sql.conf} beside it), when there is one and it says so.
     *
     * @throws UncheckedIOException when the configuration file exists but cannot be read
     */
    public LintOptions withFlywayConf(Path sqlFile) {
        Path conf = Path.of(sqlFile + ".conf");
        if (!Files.isRegularFile(conf)) {
            return this;
        }
        try {
            Matcher m = IN_TRANSACTION.matcher(Files.readString(conf, StandardCharsets.UTF_8));
            return m.find() ? inTransaction(Boolean.parseBoolean(m.group(1))) : this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + conf + ": " + e.getMessage(), e);
        }
    }

    /** These rules off too. */
    public LintOptions without(LintRule... rules) {
        Set<LintRule> off = EnumSet.noneOf(LintRule.class);
        off.addAll(disabled);
        off.addAll(Arrays.asList(rules));
        return new LintOptions(executeInTransaction, off, included);
    }

    /** These rules on, including rules that are off by default. */
    public LintOptions with(LintRule... rules) {
        Set<LintRule> on = EnumSet.noneOf(LintRule.class);
        on.addAll(included);
        on.addAll(Arrays.asList(rules));
        return new LintOptions(executeInTransaction, disabled, on);
    }

    /** Whether {@code rule} runs. */
    public boolean runs(LintRule rule) {
        return !disabled.contains(rule) && (rule.onByDefault() || included.contains(rule));
    }

    /**
     * The rules of a comma-separated list of codes ({@code L101, GRAFT-L202}); an unknown code is an
     * {@link IllegalArgumentException} naming it.
     */
    public static Set<LintRule> rules(String codes) {
        Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
        for (String code : codes.split("[,\\s]+")) {
            if (!code.isBlank()) {
                rules.add(LintRule.ofCode(code).orElseThrow(() -> new IllegalArgumentException(
                        "no lint rule has the code \"" + code.strip() + "\"; the rules are in " + LintRule.DOCS)));
            }
        }
        return rules;
    }
}
