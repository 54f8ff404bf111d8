package dev.migrations.internal.runtime;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.script.StatementFailedException;
import dev.migrations.platform.DdlSettings;

/**
 * A statement gave up waiting for a lock ({@code lock_timeout} on PostgreSQL). Inside a
 * transaction the runner rolls the revision back and runs it again after a pause.
 */
final class LockTimeoutException extends MigrationsException {

    private static final long serialVersionUID = 1L;

    LockTimeoutException(StatementFailedException cause) {
        super(cause.getMessage(), cause);
    }

    StatementFailedException statementFailure() {
        return (StatementFailedException) getCause();
    }

    /** The failure reported once the retries are spent, with what to do about it. */
    static StatementFailedException gaveUp(
            StatementFailedException failure, DdlSettings settings, int attempts, String lockHoldersHint) {
        java.sql.SQLException cause = (java.sql.SQLException) failure.getCause();
        return new StatementFailedException(
                failure.statement(),
                failure.position(),
                new java.sql.SQLException(
                        cause.getMessage() + " (gave up after " + attempts + " attempt(s) of " + settings.lockTimeout()
                                + " each: another session holds a lock this statement needs; " + lockHoldersHint
                                + ", or raise ddlLockTimeout / ddlLockRetries)",
                        cause.getSQLState(),
                        cause));
    }

    /** A pause that doubles from a quarter second up to five seconds. */
    static long pause(int attempt) {
        return Math.min(5_000, 250L << Math.min(attempt, 5));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationsException("Interrupted while waiting to retry after a lock timeout", e);
        }
    }
}
