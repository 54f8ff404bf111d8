package dev.migrations.api;

/**
 * What a waiting migrator does when the PostgreSQL session holding the lock belongs to a
 * migrating process that has died (killed mid-statement: the server keeps running the statement,
 * and the session keeps the lock, until it notices the client is gone).
 */
public enum DeadHolderPolicy {
    /** Wait, within the lock-wait timeout, for the server to end the dead process's statement. */
    WAIT,
    /** End the dead process's session with {@code pg_terminate_backend}, then take the lock. */
    TERMINATE
}
