package dev.migrations.runtime;

import dev.migrations.ddl.Dialect;
import dev.migrations.MigrationsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes migrators so each revision runs once however many instances boot together.
 * <ul>
 * <li>PostgreSQL: a session advisory lock taken on the migrating connection itself, so it dies with
 * that connection and never holds a transaction open (CREATE INDEX CONCURRENTLY can run). The
 * session is tagged ({@link MigratorSession}), so a waiter can name the holder and tell when it
 * belongs to a process that was killed while its statement still runs on the server; such a
 * holder is waited for or terminated, as {@link DeadHolderPolicy} says.</li>
 * <li>SQLite: the database write lock, taken at the start of every revision's transaction; the
 * heads are read again under it, so a revision another process applied meanwhile is skipped.</li>
 * <li>Everywhere: a lock per database inside this JVM, so threads of one process never race.</li>
 * </ul>
 * Waiting is bounded by the configured timeout and the holder is logged while waiting.
 */
public final class MigrationLock {

    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);
    private static final ConcurrentHashMap<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Dialect dialect;
    private final String name;
    private long key;
    private final Duration timeout;
    private final DeadHolderPolicy deadHolders;
    private final VersionStore store;
    private MigratorSession session;
    private ReentrantLock jvmLock;
    private Integer previousBusyTimeout;

    public MigrationLock(VersionStore store, String databaseIdentity, Duration timeout) {
        this(store, databaseIdentity, timeout, DeadHolderPolicy.WAIT);
    }

    public MigrationLock(VersionStore store, String databaseIdentity, Duration timeout, DeadHolderPolicy deadHolders) {
        this.dialect = store.dialect();
        this.store = store;
        this.name = databaseIdentity + "|" + store.versionTable();
        this.timeout = timeout;
        this.deadHolders = deadHolders;
    }

    /**
     * The advisory-lock key: database, schema and version table, so instances sharing one history
     * exclude each other whatever host name they connect with, and separate histories do not.
     */
    private static long advisoryKey(Connection connection, String versionTable) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database(), current_schema()")) {
            rs.next();
            return hash("dev.migrations:" + rs.getString(1) + ":" + rs.getString(2) + ":" + versionTable);
        }
    }

    public void acquire(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        jvmLock = JVM_LOCKS.computeIfAbsent(name, k -> new ReentrantLock());
        try {
            if (!jvmLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timedOut("another thread of this process is migrating the same database");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationsException("Interrupted while waiting for the migration lock", e);
        }
        try {
            if (dialect == Dialect.POSTGRESQL) {
                acquireAdvisory(connection, deadline);
            } else if (dialect == Dialect.SQLITE) {
                previousBusyTimeout = pragmaInt(connection, "PRAGMA busy_timeout");
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                }
            }
        } catch (SQLException | RuntimeException e) {
            try {
                if (session != null && !connection.isClosed()) {
                    session.restore(connection);
                }
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            jvmLock.unlock();
            throw e;
        }
    }

    /** Called first in every revision's transaction; true when the heads must be read again. */
    public boolean enterTransaction(Connection connection) throws SQLException {
        if (dialect != Dialect.SQLITE) {
            return false;
        }
        // A write as the transaction's first statement takes SQLite's RESERVED lock, waiting up to
        // busy_timeout; a read first would make a later upgrade to writing fail without waiting.
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM " + store.versionTable() + " WHERE 1 = 0");
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("BUSY") || String.valueOf(e.getMessage()).contains("locked")) {
                throw timedOut("another process holds the SQLite write lock");
            }
            throw e;
        }
        return true;
    }

    public void release(Connection connection) {
        try {
            if (dialect == Dialect.POSTGRESQL && !connection.isClosed()) {
                if (key != 0) {
                    try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        s.setLong(1, key);
                        s.execute();
                    }
                }
                if (session != null) {
                    session.restore(connection);
                }
            } else if (dialect == Dialect.SQLITE && previousBusyTimeout != null && !connection.isClosed()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA busy_timeout = " + previousBusyTimeout);
                }
            }
        } catch (SQLException e) {
            // The lock is tied to the session: if the connection is gone, so is the lock.
            log.warn("Could not release the migration lock cleanly ({}); it is released when the connection closes.",
                    e.getMessage());
        } finally {
            if (jvmLock != null && jvmLock.isHeldByCurrentThread()) {
                jvmLock.unlock();
            }
        }
    }

    private void acquireAdvisory(Connection connection, long deadline) throws SQLException {
        key = advisoryKey(connection, store.versionTable());
        session = MigratorSession.tag(connection);
        long sleep = 50;
        long lastLog = 0;
        Integer terminated = null;
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                long now = System.nanoTime();
                boolean logDue = lastLog == 0 || now - lastLog >= LOG_EVERY_NANOS;
                // The holder is looked up only when it is logged, reported or may have to be terminated.
                Optional<LockHolder> holder = logDue || now >= deadline || deadHolders == DeadHolderPolicy.TERMINATE
                        ? LockHolder.find(connection, key) : Optional.empty();
                if (now >= deadline) {
                    throw timedOut(holder.map(LockHolder::describe).orElse("another session"),
                            holder.map(LockHolder::orphaned).orElse(false));
                }
                if (holder.isPresent() && holder.get().orphaned() && deadHolders == DeadHolderPolicy.TERMINATE
                        && !Integer.valueOf(holder.get().pid()).equals(terminated)) {
                    terminate(connection, holder.get());
                    terminated = holder.get().pid();
                    sleep = 50;
                    continue;
                }
                if (logDue) {
                    log.info("Waiting for the migration lock on {} held by {}", store.versionTable(),
                            holder.map(LockHolder::describe).orElse("another session"));
                    lastLog = now;
                }
                try {
                    Thread.sleep(Math.min(sleep, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MigrationsException("Interrupted while waiting for the migration lock", e);
                }
                sleep = Math.min(sleep * 2, 1000);
            }
        }
    }

    /** Ends a dead migrator's session, so its statement stops and the lock is freed at once. */
    private static void terminate(Connection connection, LockHolder holder) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, holder.pid());
            try (ResultSet rs = s.executeQuery()) {
                boolean done = rs.next() && rs.getBoolean(1);
                if (done) {
                    log.warn("Terminated the migration lock holder {} (migrations.dead-holder=terminate); the"
                            + " server rolls back whatever its revision had started", holder.describe());
                } else {
                    log.warn("Could not terminate the migration lock holder {}; waiting for it instead",
                            holder.describe());
                }
            }
        } catch (SQLException e) {
            log.warn("Could not terminate the migration lock holder {} ({}); waiting for it instead",
                    holder.describe(), e.getMessage());
        }
    }

    private MigrationsException timedOut(String holder) {
        return timedOut(holder, false);
    }

    private MigrationsException timedOut(String holder, boolean orphaned) {
        String advice = orphaned
                ? " The holder's process is gone but the server has not ended its statement yet; wait for it,"
                        + " end it with SELECT pg_terminate_backend(<pid>), or set migrations.dead-holder=terminate."
                : " Another instance is migrating; wait for it, or raise migrations.lock-wait-timeout. A dead"
                        + " holder releases the lock when its connection closes.";
        return new MigrationsException("Timed out after " + timeout.toSeconds() + " s waiting for the migration lock"
                + " on " + store.versionTable() + ": held by " + holder + "." + advice);
    }

    private static Integer pragmaInt(Connection connection, String pragma) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(pragma)) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
