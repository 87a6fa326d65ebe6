package dev.graft.catalog.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.CatalogException;
import dev.graft.catalog.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Graft's promise for bad input, measured: every mutated catalog ends in either a valid catalog
 * or problems located in its files with codes; never another exception, never more than
 * {@value #LIMIT_SECONDS} s. Tries: {@code jqwik.tries.default} (1,000 unless raised, as with
 * {@code -Djqwik.tries.default=20000}). The figures are printed and written to
 * {@code target/reliability.txt} for benchmarks/results/reliability.md.
 */
class CatalogFuzzTest {

    private static final long LIMIT_SECONDS = 10;
    private static final Path SEEDS = seeds();
    private static final Map<String, String> FILES = read(SEEDS);
    private static final FuzzTally TALLY = new FuzzTally();
    private static ExecutorService worker = newWorker();

    @Property(seed = "20261203")
    void everyInputEndsValidOrLocated(@ForAll("mutations") Mutation mutation, @ForAll("yamlFiles") String file,
            @ForAll long seed) throws Exception {
        Path dir = Files.createTempDirectory("graft-fuzz");
        try {
            FILES.forEach((name, text) -> write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8)));
            byte[] mutated = mutation.apply(FILES.get(file), new Random(seed));
            write(dir.resolve(file), mutated);
            if (mutation == Mutation.DUPLICATE_VERSION) {
                write(dir.resolve(file.replaceFirst("^V([0-9]+)__", "V$1.0__again_")), mutated);
            }
            FuzzTally.Outcome outcome = run(dir);
            TALLY.add(mutation, outcome);
            if (outcome.kind() == FuzzTally.Kind.VALID && System.getProperty("graft.fuzz.keep") != null) {
                Path kept = Files.createDirectories(Path.of(System.getProperty("graft.fuzz.keep"),
                        mutation + "-" + seed));
                write(kept.resolve(file), mutated);
            }
            assertThat(outcome.kind()).as("%s of %s (seed %d): %s", mutation, file, seed, outcome.detail())
                    .isIn(FuzzTally.Kind.VALID, FuzzTally.Kind.LOCATED);
            if (mutation.mustReject()) {
                assertThat(outcome.kind()).as("%s of %s (seed %d) must be rejected", mutation, file, seed)
                        .isEqualTo(FuzzTally.Kind.LOCATED);
            }
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(Mutation.class);
    }

    @Provide
    Arbitrary<String> yamlFiles() {
        return Arbitraries.of(FILES.keySet().stream().filter(n -> n.endsWith(".yaml")).sorted().toList());
    }

    @AfterContainer
    static void report() throws IOException {
        worker.shutdownNow();
        String summary = TALLY.summary();
        System.out.println(summary);
        Path out = Path.of(System.getProperty("graft.build.dir", "target"), "reliability.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, summary);
    }

    /** Reads the catalog on a worker thread, so a hang is a measured outcome rather than a stuck build. */
    private static FuzzTally.Outcome run(Path dir) throws InterruptedException {
        long start = System.nanoTime();
        Future<Catalog> read = worker.submit(() -> Catalog.read(dir));
        try {
            read.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            return FuzzTally.Outcome.of(FuzzTally.Kind.VALID, "", start);
        } catch (TimeoutException e) {
            read.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return FuzzTally.Outcome.of(FuzzTally.Kind.HANG, "no answer in " + LIMIT_SECONDS + " s", start);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof CatalogException rejected) {
                String unlocated = unlocated(rejected.problems(), dir);
                return unlocated.isEmpty() ? FuzzTally.Outcome.of(FuzzTally.Kind.LOCATED, "", start)
                        : FuzzTally.Outcome.of(FuzzTally.Kind.UNLOCATED, unlocated, start);
            }
            return FuzzTally.Outcome.of(FuzzTally.Kind.EXCEPTION, String.valueOf(e.getCause()), start);
        }
    }

    /** Problems not placed on an existing line of a file of the catalog, one per line. */
    private static String unlocated(List<Problem> problems, Path dir) {
        return problems.stream().filter(p -> {
            Path file = dir.resolve(p.location().file());
            if (!Files.isRegularFile(file) || p.code() == null) {
                return true;
            }
            try {
                long lines = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().count();
                return p.location().line() > lines + 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "graft-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    private static Path seeds() {
        try {
            return Path.of(CatalogFuzzTest.class.getResource("/valid/all").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
