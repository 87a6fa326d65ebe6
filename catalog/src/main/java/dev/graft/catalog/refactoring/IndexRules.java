package dev.graft.catalog.refactoring;

import dev.graft.catalog.internal.Checks;
import java.util.List;

/** What each index method takes, as PostgreSQL's access methods say it (amcanunique, amcanorder, amcaninclude, amcanmulticol). */
final class IndexRules {

    private static final List<String> NO_INCLUDE = List.of("hash", "gin", "brin");

    private IndexRules() { }

    static void check(CreateIndex r, Checks c) {
        IndexOptions o = r.options();
        String method = o.methodName();
        boolean btree = method.equals("btree");
        if (r.unique() && !btree) {
            CreateIndex.optionProblem(c, "unique", "a " + method + " index cannot be unique: only btree indexes can");
        }
        if (o.nullsNotDistinct() && !r.unique()) {
            CreateIndex.optionProblem(c, "nulls_not_distinct", "\"nulls_not_distinct\" needs \"unique: true\"");
        }
        if (!btree && o.elements().stream().anyMatch(IndexElement::isOrdered)) {
            CreateIndex.optionProblem(c, "columns", "a " + method + " index has no order: \"sort\" and \"nulls\""
                    + " need a btree index");
        }
        if (!o.include().isEmpty() && NO_INCLUDE.contains(method)) {
            CreateIndex.optionProblem(c, "include", "a " + method + " index cannot include columns: btree, gist"
                    + " and spgist indexes can");
        }
        if (method.equals("hash") && o.elements().size() > 1) {
            CreateIndex.optionProblem(c, "columns", "a hash index covers one column or expression, not "
                    + o.elements().size());
        }
    }
}
