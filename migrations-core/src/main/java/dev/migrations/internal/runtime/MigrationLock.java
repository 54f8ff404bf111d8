package dev.migrations.internal.runtime;

import dev.migrations.api.MigrationsException;
import dev.migrations.platform.DatabaseLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes migrators so each revision runs once however many instances boot together: a lock per
 * database inside this JVM, so threads of one process never race, then the database's own lock from
 * its platform (PostgreSQL's advisory lock, SQLite's write lock...). Waiting is bounded by one
 * timeout for both.
 */
public final class MigrationLock {

    private static final ConcurrentHashMap<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final String name;
    private final Duration timeout;
    private final DatabaseLock database;
    private ReentrantLock jvmLock;

    /**
     * @param databaseIdentity the database's URL, so two engines on one database share the JVM lock
     * @param versionTable the qualified version table, which names the history being protected
     */
    public MigrationLock(String databaseIdentity, String versionTable, Duration timeout, DatabaseLock database) {
        this.name = databaseIdentity + "|" + versionTable;
        this.timeout = timeout;
        this.database = database;
    }

    public void acquire(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        jvmLock = JVM_LOCKS.computeIfAbsent(name, k -> new ReentrantLock());
        try {
            if (!jvmLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MigrationsException("Timed out after " + timeout.toSeconds() + " s waiting for the"
                        + " migration lock: another thread of this process is migrating the same database. Wait for"
                        + " it, or raise lockWaitTimeout.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationsException("Interrupted while waiting for the migration lock", e);
        }
        try {
            database.acquire(connection, deadline);
        } catch (SQLException | RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    /** Called first in every revision's transaction; true when the heads must be read again. */
    public boolean enterTransaction(Connection connection) throws SQLException {
        return database.enterTransaction(connection);
    }

    public void release(Connection connection) {
        try {
            database.release(connection);
        } finally {
            if (jvmLock != null && jvmLock.isHeldByCurrentThread()) {
                jvmLock.unlock();
            }
        }
    }
}
