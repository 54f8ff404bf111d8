package dev.migrations;

/**
 * A revision (or stamp) that failed while running: it was rolled back where the database allows,
 * recorded in the history table, and the database stays at its last good revision.
 */
public final class RevisionFailedException extends MigrationsException {

    private static final long serialVersionUID = 1L;

    private final String statement;

    public RevisionFailedException(String message, String revision, String statement, Throwable cause) {
        super(message, revision, cause);
        this.statement = statement;
    }

    /** The statement the database rejected, or null when the failure was not a statement's. */
    public String statement() {
        return statement;
    }
}
