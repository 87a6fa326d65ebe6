package dev.graft.benchmarks.lint;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.SchemaView;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.LintOptions;
import dev.graft.verifier.lint.LintRule;
import dev.graft.verifier.lint.Linter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lint corpus ({@code src/main/resources/lint-corpus}: a folder per hazard class, {@code bad-*}
 * and {@code good-*} files, {@code .sql.conf} where Flyway would read one) through Graft's lint,
 * without and with the corpus schema, and through squawk. A bad file is caught when a tool reports
 * a finding of its class; a good file is a false alarm when a tool reports anything. Writes
 * {@code lint-vs-squawk.md} to {@code graft.bench.results}.
 */
public final class LintVsSquawk {

    private static final Logger LOG = LoggerFactory.getLogger(LintVsSquawk.class);

    private record Result(String hazard, String name, boolean bad, List<String> plain, List<String> withSchema,
            List<String> squawk, List<String> squawkOutside) { }

    private LintVsSquawk() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(LintVsSquawk.class.getResource("/lint-corpus/schema.sql").toURI()).getParent();
        String binary = System.getProperty("graft.lint.squawk", Files.isExecutable(Path.of("/tmp/node_modules/.bin/squawk"))
                ? "/tmp/node_modules/.bin/squawk" : "squawk");
        SquawkRun squawk = new SquawkRun(binary);
        SchemaView schema = schema(corpus.resolve("schema.sql"));
        List<Result> results = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.getFileName().toString().matches("(bad|good)-.*\\.sql")).sorted().toList();
        }
        for (Path file : files) {
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            Optional<Boolean> conf = conf(file);
            LintOptions options = LintOptions.defaults().with(Arrays.stream(LintRule.values())
                    .filter(r -> r.family() == LintRule.Family.STYLE).toArray(LintRule[]::new));
            options = conf.map(options::inTransaction).orElse(options);
            String name = file.getFileName().toString();
            results.add(new Result(file.getParent().getFileName().toString(), name, name.startsWith("bad-"),
                    classes(Linter.lint(name, sql, options)), classes(Linter.lint(name, sql, schema, options)),
                    squawk.rules(file, conf.orElse(true)), squawk.rules(file, false)));
        }
        String page = LintVsSquawkPage.render(results.stream().map(r -> new LintVsSquawkPage.Row(r.hazard(), r.name(),
                r.bad(), r.plain(), r.withSchema(), r.squawk(), r.squawkOutside())).toList(), squawk.version(), LocalDate.now().toString());
        Path out = Path.of(System.getProperty("graft.bench.results", "benchmarks/results")).resolve("lint-vs-squawk.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, page, StandardCharsets.UTF_8);
        LOG.info("lint vs squawk: {} files, written to {}", results.size(), out);
    }

    /** The catalog's schema view of {@code schema.sql}, as graft:lint would see it: one SQL migration followed. */
    private static SchemaView schema(Path schema) throws Exception {
        Path catalog = Files.createTempDirectory("lint-corpus-catalog");
        Files.copy(schema, catalog.resolve("V0__schema.sql"));
        Catalog read = Catalog.read(catalog);
        return read.schemaAfter(read.migrations().get(0));
    }

    private static Optional<Boolean> conf(Path file) throws Exception {
        Path conf = Path.of(file + ".conf");
        if (!Files.exists(conf)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(conf).contains("executeInTransaction=true"));
    }

    /** Each finding as {@code hazard:GRAFT-Lnnn}. */
    private static List<String> classes(List<LintFinding> findings) {
        return findings.stream().map(f -> f.rule().family().name().toLowerCase(Locale.ROOT) + ":" + f.code()).toList();
    }
}
