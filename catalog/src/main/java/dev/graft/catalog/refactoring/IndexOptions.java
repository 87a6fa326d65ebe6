package dev.graft.catalog.refactoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an index is built beyond its name, table, uniqueness and predicate: the access method, its
 * entries, {@code INCLUDE} columns, storage parameters, {@code NULLS NOT DISTINCT} and tablespace.
 * The schema view keeps them for indexes that need them, so a rebuild (change_column_type's
 * contract) builds the same index.
 *
 * @param method            {@code btree}, {@code hash}, {@code gist}, {@code spgist}, {@code gin} or
 *                          {@code brin}; empty: PostgreSQL's default, btree
 * @param elements          the indexed columns and expressions, in order
 * @param include           non-key columns stored in the index
 * @param storageParameters {@code WITH (...)} parameters, in the order written
 * @param nullsNotDistinct  whether a unique index treats NULLs as equal
 * @param tablespace        the tablespace, if not the default
 */
public record IndexOptions(Optional<String> method, List<IndexElement> elements, List<String> include,
        Map<String, String> storageParameters, boolean nullsNotDistinct, Optional<String> tablespace) {

    /** The methods PostgreSQL ships. */
    public static final List<String> METHODS = List.of("btree", "hash", "gist", "spgist", "gin", "brin");

    public IndexOptions {
        Objects.requireNonNull(method, "method == null");
        elements = List.copyOf(elements);
        include = List.copyOf(include);
        storageParameters = Collections.unmodifiableMap(new LinkedHashMap<>(storageParameters));
        Objects.requireNonNull(tablespace, "tablespace == null");
    }

    /** Just these entries, everything else as PostgreSQL's defaults. */
    public static IndexOptions of(List<IndexElement> elements) {
        return new IndexOptions(Optional.empty(), elements, List.of(), Map.of(), false, Optional.empty());
    }

    /** The access method, {@code btree} when none is given. */
    public String methodName() {
        return method.orElse("btree");
    }

    /**
     * Whether a plain {@code CREATE INDEX ... (columns)} or {@code ((expression))} builds it: no
     * option beyond columns or one expression.
     */
    public boolean isPlain() {
        boolean plainEntries = elements.stream().allMatch(IndexElement::isPlainColumn)
                || elements.size() == 1 && elements.get(0).expression().isPresent()
                        && elements.get(0).opclass().isEmpty() && elements.get(0).collation().isEmpty()
                        && !elements.get(0).isOrdered();
        return method.isEmpty() && plainEntries && include.isEmpty() && storageParameters.isEmpty()
                && !nullsNotDistinct && tablespace.isEmpty();
    }
}
