package dev.graft.verifier.snapshot;

import java.util.regex.Pattern;

/**
 * Tells Graft's own helper objects from the user's: the transition functions, triggers and
 * defaults a generated migration installs, named {@code graft_<version>_...} or commented
 * {@code graft: generated from ...}, which the contract removes again.
 */
public final class GraftHelpers {

    private static final String COMMENT = "graft: generated from ";
    /**
     * Graft's names, {@code graft_<version>_<table>_<purpose>}, as the last part of a qualified name
     * ({@code public.t.graft_2_t_sync}); a user's {@code graft_ledger} is not one.
     */
    private static final Pattern NAME = Pattern.compile("(^|\\.)\"?graft_[0-9]+_[^.]*$");
    /** A call of a Graft helper function in a definition (a column's default). */
    private static final Pattern CALL = Pattern.compile("\\bgraft_[0-9]+_\\w*\\(");

    private GraftHelpers() {
    }

    /** Whether {@code object} is one of Graft's helpers: by its name, its comment, or a helper call in it. */
    public static boolean isHelper(SchemaObject object) {
        String name = object.name().replaceFirst("\\(.*$", "");
        return NAME.matcher(name).find() || object.definition().contains(COMMENT)
                || CALL.matcher(object.definition()).find();
    }

    /**
     * Whether a change is Graft's: a helper object changed, or a helper call (a transition's
     * default) was added to or removed from a user's object.
     */
    public static boolean isHelper(SchemaDiff.Change change) {
        boolean before = isHelper(new SchemaObject(change.kind(), change.name(), change.before()));
        boolean after = isHelper(new SchemaObject(change.kind(), change.name(), change.after()));
        return before || after;
    }
}
