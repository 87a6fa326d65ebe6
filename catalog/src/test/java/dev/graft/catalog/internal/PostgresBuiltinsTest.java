package dev.graft.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.Seed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in functions and types the catalog knows offline are exactly PostgreSQL 18's own:
 * the lists are compared with pg_proc and pg_type of a real server. Run with
 * {@code -Dgraft.builtins.write=<dir>} to write fresh lists there.
 */
class PostgresBuiltinsTest {


    @Test
    void functionListIsPostgresOwn() throws Exception {
        List<String> fromServer = query(PostgresBuiltins.FUNCTIONS_QUERY);
        write("postgres-functions.txt", fromServer);
        assertThat(PostgresBuiltins.functionLines()).containsExactlyElementsOf(fromServer);
        assertThat(PostgresBuiltins.function("sum")).hasValue(PostgresBuiltins.Kind.AGGREGATE);
        assertThat(PostgresBuiltins.function("row_number")).hasValue(PostgresBuiltins.Kind.WINDOW);
        assertThat(PostgresBuiltins.function("generate_series")).hasValue(PostgresBuiltins.Kind.SET_RETURNING);
        assertThat(PostgresBuiltins.function("upper")).hasValue(PostgresBuiltins.Kind.SCALAR);
        assertThat(PostgresBuiltins.function("uppr")).isEmpty();
    }

    @Test
    void typeListIsPostgresOwn() throws Exception {
        List<String> fromServer = query(PostgresBuiltins.TYPES_QUERY);
        write("postgres-types.txt", fromServer);
        assertThat(PostgresBuiltins.typeLines()).containsExactlyElementsOf(fromServer);
        assertThat(PostgresBuiltins.isType("int4")).isTrue();
        assertThat(PostgresBuiltins.isType("trigger")).as("a pseudo-type is no column type").isFalse();
    }

    @Test
    void extensionListIsWhatTheShippedExtensionsCreate() throws Exception {
        String create = PostgresBuiltins.EXTENSIONS.stream()
                .map(e -> "CREATE EXTENSION IF NOT EXISTS \"" + e + "\" CASCADE;").collect(Collectors.joining("\n"));
        List<String> functions = query(create, PostgresBuiltins.EXTENSION_FUNCTIONS_QUERY);
        List<String> types = query(create, PostgresBuiltins.EXTENSION_TYPES_QUERY);
        write("postgres-extension-functions.txt", functions);
        write("postgres-extension-types.txt", types);
        assertThat(PostgresBuiltins.extensionFunctionLines()).containsExactlyElementsOf(functions);
        assertThat(PostgresBuiltins.extensionTypeLines()).containsExactlyElementsOf(types);
        assertThat(PostgresBuiltins.function("uuid_generate_v4")).hasValue(PostgresBuiltins.Kind.SCALAR);
        assertThat(PostgresBuiltins.isType("citext")).isTrue();
    }

    private static List<String> query(String sql) throws Exception {
        return query("", sql);
    }

    private static List<String> query(String seed, String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        String name = "catalog_builtins" + (seed.isEmpty() ? "" : "_extensions");
        try (Branch branch = TestServer.engine().create(BranchSpec.root(name).seed(Seed.sql(seed)).build());
                Connection connection = branch.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    private static void write(String name, List<String> lines) throws Exception {
        String dir = System.getProperty("graft.builtins.write");
        if (dir != null) {
            Files.write(Path.of(dir, name), lines, StandardCharsets.UTF_8);
        }
    }
}
