package dev.migrations.platform;

/** What a database error means to the engine, as each platform classifies its own errors. */
public enum FailureKind {

    /** The connection is gone (network, server shutdown, the session was terminated). */
    CONNECTION_LOST,
    /** A statement gave up waiting for a lock the migration needed. */
    LOCK_TIMEOUT,
    /** Another process holds the database's write lock. */
    BUSY,
    /** The statement cannot run inside a transaction. */
    NEEDS_AUTOCOMMIT,
    /** The statement creates a table, index or other object that already exists. */
    OBJECT_EXISTS,
    /** Anything else: the statement itself failed. */
    OTHER
}
