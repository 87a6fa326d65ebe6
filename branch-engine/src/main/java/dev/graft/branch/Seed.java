package dev.graft.branch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What is loaded into a newly created database: nothing, a SQL script (plain {@code pg_dump}
 * output included, {@code COPY ... FROM stdin} blocks and all), or Flyway migrations.
 */
public sealed interface Seed {

    static Seed none() {
        return None.INSTANCE;
    }

    /** A SQL script file, such as {@code pg_dump --format=plain} output. */
    static Seed sqlFile(Path file) {
        return new SqlFile(file);
    }

    /** SQL text given inline. */
    static Seed sql(String script) {
        return new SqlText("inline SQL", script);
    }

    /** SQL text read from {@code origin} (a path or a {@code classpath:} location), which error messages name. */
    static Seed sql(String origin, String script) {
        return new SqlText(origin, script);
    }

    /** Several seeds, applied in order: e.g. migrations, then data scripts. */
    static Seed all(List<Seed> seeds) {
        return new Sequence(seeds);
    }

    /** Flyway migrations from these locations ({@code filesystem:...} or {@code classpath:...}). */
    static Seed flyway(String... locations) {
        return new Flyway(List.of(locations));
    }

    /** Nothing to load. */
    enum None implements Seed {
        INSTANCE
    }

    /** @param file the script to run */
    record SqlFile(Path file) implements Seed {
        public SqlFile {
            Objects.requireNonNull(file, "file == null");
        }
    }

    /**
     * @param origin where the text came from, for error messages
     * @param script the SQL to run
     */
    record SqlText(String origin, String script) implements Seed {
        public SqlText {
            Objects.requireNonNull(origin, "origin == null");
            Objects.requireNonNull(script, "script == null");
        }
    }

    /** @param seeds applied in this order */
    record Sequence(List<Seed> seeds) implements Seed {
        public Sequence {
            seeds = List.copyOf(seeds);
        }
    }

    /** @param locations Flyway locations */
    record Flyway(List<String> locations) implements Seed {
        public Flyway {
            locations = List.copyOf(locations);
            if (locations.isEmpty()) {
                throw new IllegalArgumentException("locations is empty");
            }
        }
    }
}
