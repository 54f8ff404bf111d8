package dev.migrations.api;

import java.util.List;

/**
 * A revision (or stamp) that failed while running: it was rolled back where the database allows,
 * recorded in the history table, and the database stays at its last good revision.
 */
public final class RevisionFailedException extends MigrationsException {

    private static final long serialVersionUID = 1L;

    private final String statement;
    private final transient List<AppliedStep> applied;

    public RevisionFailedException(String message, String revision, String statement, Throwable cause) {
        this(message, revision, statement, List.of(), cause);
    }

    public RevisionFailedException(
            String message, String revision, String statement, List<AppliedStep> applied, Throwable cause) {
        super(message, revision, cause);
        this.statement = statement;
        this.applied = List.copyOf(applied);
    }

    /** The steps of the same run that completed before this one failed, in order. */
    public List<AppliedStep> applied() {
        return applied;
    }

    /** The statement the database rejected, or null when the failure was not a statement's. */
    public String statement() {
        return statement;
    }
}
