package dev.graft.verifier.abort;

/** An abort that must not run on the target, with the reason in words for the user. */
public final class AbortRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal saying why. */
    public AbortRefused(String message) {
        super(message);
    }
}
