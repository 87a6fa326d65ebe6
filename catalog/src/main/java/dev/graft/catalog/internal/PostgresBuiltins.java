package dev.graft.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PostgreSQL 18's own functions and types, known offline: the lists are {@code pg_proc} and
 * {@code pg_type} of schema pg_catalog as {@link #FUNCTIONS_QUERY} and {@link #TYPES_QUERY}
 * read them (a test compares them with a real server), those of the common {@link #EXTENSIONS}
 * shipped with PostgreSQL ({@code uuid_generate_v4}, {@code citext}), plus the SQL-standard
 * spellings the grammar itself knows ({@code coalesce}, {@code integer}, {@code double precision}).
 */
public final class PostgresBuiltins {

    /** What a function returns per call. */
    public enum Kind { SCALAR, SET_RETURNING, AGGREGATE, WINDOW }

    /** One line per function name of pg_catalog: the name and its kind. */
    static final String FUNCTIONS_QUERY = functionsOf("pg_catalog");

    /** One line per type of pg_catalog a column can have: base, domain, range and multirange types. */
    static final String TYPES_QUERY = typesOf("pg_catalog");

    /**
     * The extensions shipped with PostgreSQL whose functions and types catalogs commonly use;
     * {@link #EXTENSION_FUNCTIONS_QUERY} and {@link #EXTENSION_TYPES_QUERY} read what they create
     * in schema public.
     */
    static final List<String> EXTENSIONS = List.of("uuid-ossp", "pgcrypto", "citext", "hstore", "pg_trgm",
            "unaccent", "fuzzystrmatch", "intarray", "ltree", "cube", "earthdistance", "isn", "seg", "tablefunc",
            "lo");

    static final String EXTENSION_FUNCTIONS_QUERY = functionsOf("public");
    static final String EXTENSION_TYPES_QUERY = typesOf("public");

    /** Calls the grammar turns into expressions of its own, so pg_proc has no function of that name. */
    private static final Set<String> GRAMMAR_CALLS = Set.of("coalesce", "nullif", "greatest", "least", "row",
            "array", "grouping", "xmlelement", "xmlforest", "xmlconcat", "xmlpi", "xmlroot", "xmlparse",
            "xmlserialize", "xmlexists", "json_object", "json_array", "json", "json_scalar", "json_serialize",
            "json_query", "json_value", "json_exists", "cast", "treat", "extract", "if");

    /** SQL spellings of built-in types, as the grammar maps them to pg_type names. */
    private static final Map<String, String> TYPE_SPELLINGS = Map.ofEntries(
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("float", "float8"),
            Map.entry("double precision", "float8"), Map.entry("boolean", "bool"), Map.entry("decimal", "numeric"),
            Map.entry("dec", "numeric"), Map.entry("character varying", "varchar"),
            Map.entry("char varying", "varchar"), Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
            Map.entry("national character varying", "varchar"), Map.entry("national character", "bpchar"),
            Map.entry("nchar", "bpchar"), Map.entry("bit varying", "varbit"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("time with time zone", "timetz"),
            Map.entry("time without time zone", "time"), Map.entry("serial", "int4"), Map.entry("serial4", "int4"),
            Map.entry("smallserial", "int2"), Map.entry("serial2", "int2"), Map.entry("bigserial", "int8"),
            Map.entry("serial8", "int8"));

    private PostgresBuiltins() { }

    private static String functionsOf(String schema) {
        return "SELECT proname || ' ' || CASE WHEN bool_or(prokind = 'w') THEN 'window'"
                + " WHEN bool_or(prokind = 'a') THEN 'aggregate' WHEN bool_or(proretset) THEN 'set_returning'"
                + " ELSE 'scalar' END FROM pg_proc WHERE pronamespace = '" + schema + "'::regnamespace"
                + " AND prokind <> 'p' GROUP BY proname ORDER BY proname COLLATE \"C\"";
    }

    private static String typesOf(String schema) {
        return "SELECT typname FROM pg_type WHERE typnamespace = '" + schema + "'::regnamespace"
                + " AND typtype IN ('b', 'd', 'r', 'm') AND typisdefined AND typname !~ '^_'"
                + " ORDER BY typname COLLATE \"C\"";
    }

    /** The kind of the built-in function {@code name} (lower case), empty if PostgreSQL has none. */
    public static Optional<Kind> function(String name) {
        if (GRAMMAR_CALLS.contains(name)) {
            return Optional.of(Kind.SCALAR);
        }
        return Optional.ofNullable(Lists.FUNCTIONS.get(name));
    }

    /** The pg_type name of a built-in type written {@code spelled} (lower case, single spaces), if built in. */
    public static Optional<String> type(String spelled) {
        String name = TYPE_SPELLINGS.getOrDefault(spelled, spelled);
        return Lists.TYPES.contains(name) ? Optional.of(name) : Optional.empty();
    }

    static boolean isType(String spelled) {
        return type(spelled).isPresent();
    }

    static List<String> functionLines() {
        return lines("postgres-functions.txt");
    }

    static List<String> typeLines() {
        return lines("postgres-types.txt");
    }

    static List<String> extensionFunctionLines() {
        return lines("postgres-extension-functions.txt");
    }

    static List<String> extensionTypeLines() {
        return lines("postgres-extension-types.txt");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = PostgresBuiltins.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded on first use. */
    private static final class Lists {
        static final Map<String, Kind> FUNCTIONS = new HashMap<>();
        static final Set<String> TYPES = Stream.concat(typeLines().stream(), extensionTypeLines().stream())
                .collect(Collectors.toUnmodifiableSet());

        static {
            for (String line : Stream.concat(extensionFunctionLines().stream(), functionLines().stream()).toList()) {
                int space = line.indexOf(' ');
                FUNCTIONS.put(line.substring(0, space),
                        Kind.valueOf(line.substring(space + 1).toUpperCase(Locale.ROOT)));
            }
        }
    }
}
