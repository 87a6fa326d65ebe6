package dev.graft.verifier;

import dev.graft.catalog.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to verify: the Flyway migration files (generated and hand-written alike) and, for the
 * transition, round-trip and contract checks, the catalog they came from.
 *
 * <pre>{@code
 * VerifyRequest request = VerifyRequest.builder()
 *         .location(Path.of("src/main/resources/db/migration"))
 *         .catalog(Catalog.read(Path.of("src/main/graft")))
 *         .build();
 * }</pre>
 *
 * @param locations       directories of {@code V<version>__<slug>.sql} files
 * @param flywayLocations further Flyway locations ({@code classpath:db/migration} for Java migrations)
 * @param catalog         the catalog model, if the migrations come from one
 * @param classLoader     where Flyway finds {@code classpath:} locations and Java migrations (default:
 *                        the verifier's own; a build tool passes one over the project's compiled classes)
 */
public record VerifyRequest(List<Path> locations, List<String> flywayLocations, Optional<Catalog> catalog,
        ClassLoader classLoader) {

    public VerifyRequest {
        locations = List.copyOf(locations);
        flywayLocations = List.copyOf(flywayLocations);
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(classLoader, "classLoader == null");
        if (locations.isEmpty() && flywayLocations.isEmpty()) {
            throw new IllegalArgumentException("no migration location given");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every location as Flyway spells it. */
    public List<String> allFlywayLocations() {
        List<String> all = new ArrayList<>();
        locations.forEach(p -> all.add("filesystem:" + p.toAbsolutePath()));
        all.addAll(flywayLocations);
        return all;
    }

    /** Builds a {@link VerifyRequest}. */
    public static final class Builder {
        private final List<Path> locations = new ArrayList<>();
        private final List<String> flywayLocations = new ArrayList<>();
        private Catalog catalog;
        private ClassLoader classLoader = VerifyRequest.class.getClassLoader();

        private Builder() {
        }

        /** A directory of SQL migrations. */
        public Builder location(Path directory) {
            locations.add(Objects.requireNonNull(directory, "directory == null"));
            return this;
        }

        /** A Flyway location string, for migrations that are not files in a directory. */
        public Builder flywayLocation(String location) {
            flywayLocations.add(Objects.requireNonNull(location, "location == null"));
            return this;
        }

        public Builder catalog(Catalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog == null");
            return this;
        }

        /** Where Flyway finds {@code classpath:} locations and Java migrations: the project's classes. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader == null");
            return this;
        }

        public VerifyRequest build() {
            return new VerifyRequest(locations, flywayLocations, Optional.ofNullable(catalog), classLoader);
        }
    }
}
