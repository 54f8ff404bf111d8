package dev.migrations.platform.postgresql;

import dev.migrations.api.DeadHolderPolicy;
import dev.migrations.api.MigrationsException;
import dev.migrations.platform.DatabaseLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session advisory lock taken on the migrating connection itself, so it dies with that
 * connection and never holds a transaction open (CREATE INDEX CONCURRENTLY can run). The session
 * is tagged ({@link MigratorSession}), so a waiter can name the holder and tell when it belongs to a
 * process that was killed while its statement still runs on the server; such a holder is waited
 * for or terminated, as {@link DeadHolderPolicy} says.
 */
final class AdvisoryLock implements DatabaseLock {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Request request;
    private long key;
    private MigratorSession session;

    AdvisoryLock(Request request) {
        this.request = request;
    }

    /**
     * The key: database, schema and version table, so instances sharing one history exclude each
     * other whatever host name they connect with, and separate histories do not.
     */
    private static long advisoryKey(Connection connection, String versionTable) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database(), current_schema()")) {
            rs.next();
            return hash("dev.migrations:" + rs.getString(1) + ":" + rs.getString(2) + ":" + versionTable);
        }
    }

    @Override
    public void acquire(Connection connection, long deadline) throws SQLException {
        key = advisoryKey(connection, request.versionTable());
        session = MigratorSession.tag(connection);
        try {
            waitForLock(connection, deadline);
        } catch (SQLException | RuntimeException e) {
            try {
                if (!connection.isClosed()) {
                    session.restore(connection);
                }
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
    }

    private void waitForLock(Connection connection, long deadline) throws SQLException {
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
                boolean terminating = request.deadHolders() == DeadHolderPolicy.TERMINATE;
                // The holder is looked up only when it is logged, reported or may have to be terminated.
                Optional<LockHolder> holder =
                        logDue || now >= deadline || terminating ? LockHolder.find(connection, key) : Optional.empty();
                if (now >= deadline) {
                    throw timedOut(holder);
                }
                if (holder.isPresent()
                        && holder.get().orphaned()
                        && terminating
                        && !Integer.valueOf(holder.get().pid()).equals(terminated)) {
                    terminate(connection, holder.get());
                    terminated = holder.get().pid();
                    sleep = 50;
                    continue;
                }
                if (logDue) {
                    log.info(
                            "Waiting for the migration lock on {} held by {}",
                            request.versionTable(),
                            holder.map(LockHolder::describe).orElse("another session"));
                    lastLog = now;
                }
                pause(Math.min(sleep, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
                sleep = Math.min(sleep * 2, 1000);
            }
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            if (connection.isClosed()) {
                return; // the lock ended with the session
            }
            if (key != 0) {
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    s.setLong(1, key);
                    s.execute();
                }
            }
            if (session != null) {
                session.restore(connection);
            }
        } catch (SQLException e) {
            // The lock is tied to the session: if the connection is gone, so is the lock.
            log.warn(
                    "Could not release the migration lock cleanly ({}); it is released when the connection closes.",
                    e.getMessage());
        }
    }

    /** Ends a dead migrator's session, so its statement stops and the lock is freed at once. */
    private static void terminate(Connection connection, LockHolder holder) {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, holder.pid());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    log.warn(
                            "Terminated the migration lock holder {} (dead holders are terminated); the server rolls"
                                    + " back whatever its revision had started",
                            holder.describe());
                } else {
                    log.warn(
                            "Could not terminate the migration lock holder {}; waiting for it instead",
                            holder.describe());
                }
            }
        } catch (SQLException e) {
            log.warn(
                    "Could not terminate the migration lock holder {} ({}); waiting for it instead",
                    holder.describe(),
                    e.getMessage());
        }
    }

    private MigrationsException timedOut(Optional<LockHolder> holder) {
        boolean orphaned = holder.map(LockHolder::orphaned).orElse(false);
        String advice = orphaned
                ? " The holder's process is gone but the server has not ended its statement yet; wait for it,"
                        + " end it with SELECT pg_terminate_backend(<pid>), or set deadHolder to TERMINATE."
                : " Another instance is migrating; wait for it, or raise lockWaitTimeout. A dead holder releases the"
                        + " lock when its connection closes.";
        return new MigrationsException("Timed out after " + request.timeout().toSeconds() + " s waiting for the"
                + " migration lock on " + request.versionTable() + ": held by "
                + holder.map(LockHolder::describe).orElse("another session") + "." + advice);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationsException("Interrupted while waiting for the migration lock", e);
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
