package dev.graft.branch;

/** Every failure of a branch engine: a clear message, and nothing left half-made. */
public class BranchException extends RuntimeException {
    public BranchException(String message) {
        super(message);
    }

    public BranchException(String message, Throwable cause) {
        super(message, cause);
    }
}
