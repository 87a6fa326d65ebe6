package dev.graft.junit;

/**
 * A test's database could not be provided: the template failed to build (the message names the
 * migration or seed file, the line and the statement), or no branch could be made of it.
 */
public class GraftDatabaseException extends RuntimeException {

    public GraftDatabaseException(String message) {
        super(message);
    }

    public GraftDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
