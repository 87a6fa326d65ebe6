package dev.graft.generator.plan;

import static dev.graft.generator.plan.SqlIdentifier.literal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * What keeps two runs of one transition's backfill apart, and tells a finished one from one to
 * do. A backfill and the expand before it take a transaction-level advisory lock derived from
 * {@code name}: a run whose client went away keeps running on the server (a DO block does not
 * stop with its client), and the next run then waits for it under {@code lock_timeout} and, if it
 * is still there, fails naming its backend rather than with a bare lock timeout on its first
 * ALTER. A finished backfill leaves {@code done} as the comment of {@code function}, the
 * transition's trigger function (dropped with it by the contract), so a later run skips the walk.
 * A backfill whose batches commit one by one notes its last committed key there too ({@link
 * #progress()}), committed with each batch, so a run interrupted half-way resumes after it.
 *
 * @param name     the backfill's name in messages: its trigger function's name
 * @param function the function whose comment marks the backfill done: {@code "public"."f"()}
 * @param comment  the function's comment before the backfill has finished
 */
public record BackfillClaim(String name, String function, String comment) {

    public BackfillClaim {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(function, "function == null");
        Objects.requireNonNull(comment, "comment == null");
    }

    /** The function's comment once the backfill has finished. */
    public String done() {
        return comment + "; backfilled";
    }

    /** Whether the backfill has finished: a boolean SQL expression. */
    public String finished() {
        return "pg_catalog.obj_description(to_regprocedure(" + literal(function) + "), 'pg_proc') = " + literal(done());
    }

    /**
     * The function's comment while the backfill is under way, before the last committed key:
     * {@code comment + "; backfilled up to "}, followed by the key as a text array ({@code {42}}).
     */
    public String progress() {
        return comment + "; backfilled up to ";
    }

    /**
     * The last committed key of an unfinished run, a {@code text[]} SQL expression, NULL when no
     * run has committed a batch yet (or the backfill has finished).
     */
    public String resumeKey() {
        return "(SELECT CASE WHEN pg_catalog.starts_with(graft_comment, " + literal(progress())
                + ") THEN pg_catalog.substr(graft_comment, pg_catalog.char_length(" + literal(progress())
                + ") + 1)::text[] END FROM pg_catalog.obj_description(to_regprocedure(" + literal(function)
                + "), 'pg_proc') AS graft_comment)";
    }

    /** The start of the statement that records a key: a quoted comment text follows. */
    public String commentOn() {
        return "COMMENT ON FUNCTION " + function + " IS ";
    }

    /**
     * The comment recording the key {@code key} (a {@code text[]} expression as text), quoted as
     * a literal by the server: a SQL expression to follow {@link #commentOn()}.
     */
    public String progressLiteral(String key) {
        return "pg_catalog.quote_literal(" + literal(progress()) + " || " + key + ")";
    }

    /** Records the last committed key {@code key} (a text expression): a PL/pgSQL statement. */
    public String markProgress(String key) {
        return "EXECUTE " + literal(commentOn()) + " || " + progressLiteral(key);
    }

    /** Marks the backfill finished (a statement without semicolon). */
    public String markDone() {
        return "COMMENT ON FUNCTION " + function + " IS " + literal(done());
    }

    /** The advisory lock key: the first 8 bytes of the SHA-256 of {@code "graft.backfill:" + name}. */
    public long key() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("graft.backfill:" + name).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (hash[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The declarations of {@link #lock()}. */
    public String declarations() {
        return "    graft_holder integer;\n";
    }

    /**
     * The body of a PL/pgSQL block that takes the lock, waiting at most {@code lock_timeout}; if
     * another backend still holds it, it fails with a message naming that backend's pid.
     */
    public String lock() {
        return lock("pg_advisory_xact_lock");
    }

    /**
     * As {@link #lock()}, but held by the session until {@link #unlock()}: for a backfill whose
     * batches commit one by one.
     */
    public String sessionLock() {
        return lock("pg_advisory_lock");
    }

    /** Releases {@link #sessionLock()}. */
    public String unlock() {
        return "SELECT pg_catalog.pg_advisory_unlock(" + key() + ")";
    }

    private String lock(String function) {
        long key = key();
        String held = "pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid = "
                + (key >>> 32) + " AND objid = " + (key & 0xffffffffL);
        String message = "graft: the backfill " + name.replace("%", "%%") + " is still running in backend %"
                + " (an earlier run whose client went away keeps running on the server): wait for it to end,"
                + " or stop it with SELECT pg_cancel_backend(%), then run this migration again";
        // A session lock is taken once per session: a session whose earlier run failed still holds it,
        // and a second hold would outlive the one unlock at the end.
        String take = function.equals("pg_advisory_lock")
                ? "    IF NOT EXISTS (SELECT 1 FROM " + held + " AND pid = pg_catalog.pg_backend_pid()) THEN\n"
                + "      PERFORM pg_catalog." + function + "(" + key + ");\n    END IF;\n"
                : "    PERFORM pg_catalog." + function + "(" + key + ");\n";
        return take
                + "  EXCEPTION WHEN lock_not_available THEN\n"
                + "    SELECT pid INTO graft_holder FROM " + held + " LIMIT 1;\n"
                + "    RAISE EXCEPTION " + literal(message) + ", graft_holder, graft_holder\n"
                + "      USING ERRCODE = 'lock_not_available';\n";
    }

    /** {@link #lock()} as a block of its own, a statement in a larger block. */
    public Step lockStep() {
        return new Step.Block(declarations(), lock());
    }
}
