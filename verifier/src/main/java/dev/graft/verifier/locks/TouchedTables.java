package dev.graft.verifier.locks;

import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.sql.MigrationStatement;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables of the state before a migration that it touches: those its clean run wrote or
 * rewrote, those whose definition (columns, triggers, indexes, constraints) it changed, and those
 * its SQL names.
 */
public final class TouchedTables {

    private TouchedTables() {
    }

    /**
     * @param before   the tables before the migration, {@code schema.name}
     * @param diff     what the clean run changed in the schema
     * @param wrote    the tables the clean run may have written
     * @param sql      the migration's statements (none for a Java migration)
     * @param excluded table names left out (Flyway's history)
     */
    public static Set<String> of(Collection<String> before, SchemaDiff diff, Set<String> wrote,
            List<MigrationStatement> sql, Set<String> excluded) {
        Set<String> touched = new TreeSet<>();
        List<String> changed = Stream.concat(Stream.concat(diff.added().stream().map(o -> o.name()),
                diff.removed().stream().map(o -> o.name())), diff.changed().stream().map(c -> c.name())).toList();
        for (String table : before) {
            String name = table.substring(table.indexOf('.') + 1);
            if (excluded.stream().anyMatch(name::startsWith)) {
                continue;
            }
            Pattern named = Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])");
            if (wrote.contains(table) || changed.stream().anyMatch(n -> n.equals(table) || n.startsWith(table + "."))
                    || sql.stream().anyMatch(s -> named.matcher(s.code()).find())) {
                touched.add(table);
            }
        }
        return touched;
    }
}
