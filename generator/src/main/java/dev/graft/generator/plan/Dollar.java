package dev.graft.generator.plan;

/** Dollar quoting of PL/pgSQL bodies, with a tag the body cannot contain. */
public final class Dollar {

    private Dollar() { }

    /** {@code $graft$body$graft$}, or {@code $graft_1$...} when the body holds the tag. */
    public static String quote(String body) {
        String tag = "$graft$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$graft_" + i + "$";
        }
        return tag + body + tag;
    }
}
