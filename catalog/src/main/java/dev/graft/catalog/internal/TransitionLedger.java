package dev.graft.catalog.internal;

import dev.graft.catalog.Migration;
import dev.graft.catalog.OpenTransition;
import dev.graft.catalog.Version;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.TableName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions open at the current point of the catalog, with the shapes each one holds, and
 * the versions that wrote a transition at all: one rejected there (so never opened) is not
 * reported again by the {@code complete} that names its version. It also remembers the columns
 * the catalog's own refactorings made NOT NULL without a default, which insert_data must fill
 * (a column from a database or hand-written SQL may be an identity, which the view cannot tell).
 */
public final class TransitionLedger {

    /** An open transition and what it covers: whole tables, or some columns of one table. */
    record Entry(OpenTransition transition, Set<TableName> tables, Set<String> columns, boolean wholeTable) {
        boolean covers(TableName table, Collection<String> names, boolean anyColumn) {
            return tables.contains(table) && (wholeTable || anyColumn || names.stream().anyMatch(columns::contains));
        }
    }

    private final List<Entry> open = new ArrayList<>();
    private final Map<Version, Version> completedBy = new HashMap<>();
    private final Set<Version> written = new HashSet<>();
    private final Set<List<String>> required = new HashSet<>();

    /** The catalog declares {@code column} of {@code table} NOT NULL without a default. */
    void required(TableName table, String column) {
        required.add(List.of(table.qualified(), column));
    }

    /** Whether the catalog itself declared {@code column} of {@code table} NOT NULL without a default. */
    boolean isRequired(TableName table, String column) {
        return required.contains(List.of(table.qualified(), column));
    }

    /** A refactoring of {@code version} that opens a transition is being checked. */
    void written(Version version) {
        written.add(version);
    }

    /** Whether a migration of {@code version} holds a refactoring that opens a transition, accepted or not. */
    boolean wasWritten(Version version) {
        return written.contains(version);
    }

    void open(Version version, Migration migration, Refactoring refactoring, Set<TableName> tables,
            Set<String> columns, boolean wholeTable) {
        open.add(new Entry(new OpenTransition(version, migration, refactoring), tables, columns, wholeTable));
    }

    /** The first open transition covering {@code table} (and one of {@code columns}, unless {@code anyColumn}). */
    Optional<Entry> covering(TableName table, Collection<String> columns, boolean anyColumn) {
        return open.stream().filter(e -> e.covers(table, columns, anyColumn)).findFirst();
    }

    boolean hasOpen(Version version) {
        return open.stream().anyMatch(e -> e.transition().version().equals(version));
    }

    Optional<Version> completedBy(Version version) {
        return Optional.ofNullable(completedBy.get(version));
    }

    /** Ends the transitions of {@code version}, returning their refactorings in order. */
    public List<Refactoring> complete(Version version, Version by) {
        List<Refactoring> closed = new ArrayList<>();
        open.removeIf(e -> {
            if (e.transition().version().equals(version)) {
                closed.add(e.transition().refactoring());
                return true;
            }
            return false;
        });
        if (!closed.isEmpty()) {
            completedBy.put(version, by);
        }
        return closed;
    }

    public List<OpenTransition> openTransitions() {
        return open.stream().map(Entry::transition).toList();
    }
}
