package dev.migrations.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The database's part of the migration lock, taken on the migrating connection: a session lock
 * that dies with its connection (PostgreSQL), or the write lock of each revision's transaction
 * (SQLite). Threads of one process are kept apart by the engine before this is asked.
 */
public interface DatabaseLock {

    /** A lock that takes nothing: for databases used by one process (H2 embedded) or without a lock. */
    DatabaseLock NONE = new DatabaseLock() {
        @Override
        public void acquire(Connection connection, long deadlineNanos) {}

        @Override
        public void release(Connection connection) {}
    };

    /** Waits until {@code deadlineNanos} ({@link System#nanoTime()}) at most; fails with a message naming the holder. */
    void acquire(Connection connection, long deadlineNanos) throws SQLException;

    /**
     * Called first in every revision's transaction. True when this lock is taken per transaction,
     * so another process may have moved the heads since they were read and they must be read again.
     */
    default boolean enterTransaction(Connection connection) throws SQLException {
        return false;
    }

    /** Releases the lock and restores what acquiring changed; never throws. */
    void release(Connection connection);

    /** What a platform's lock needs to know. */
    record Request(String versionTable, Duration timeout, dev.migrations.api.DeadHolderPolicy deadHolders) {}
}
