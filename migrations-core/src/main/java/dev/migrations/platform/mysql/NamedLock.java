package dev.migrations.platform.mysql;

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
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code GET_LOCK} named lock on the migrating session: it is the session's, so it ends with the
 * connection when a migrator dies, and it holds no transaction open. The name is keyed like
 * PostgreSQL's advisory lock (database and version table, hashed to fit the 64-character limit), so
 * instances sharing one history exclude each other and separate histories do not. The waiter polls
 * with a zero timeout, so its wait is bounded by the engine's deadline and it can name the holder
 * ({@code IS_USED_LOCK} and the process list).
 */
final class NamedLock implements DatabaseLock {

    private static final Logger log = LoggerFactory.getLogger(NamedLock.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Request request;
    private String name;

    NamedLock(Request request) {
        this.request = request;
    }

    static String lockName(Connection connection, String versionTable) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return "dev.migrations:" + hash(rs.getString(1) + ":" + versionTable);
        }
    }

    @Override
    public void acquire(Connection connection, long deadline) throws SQLException {
        String wanted = lockName(connection, request.versionTable());
        long sleep = 50;
        long lastLog = 0;
        try (PreparedStatement s = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            s.setString(1, wanted);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        name = wanted;
                        return;
                    }
                }
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw new MigrationsException("Timed out after "
                            + request.timeout().toSeconds() + " s waiting for"
                            + " the migration lock on " + request.versionTable() + ": held by "
                            + holder(connection, wanted) + ". Another instance is migrating; wait for it, or raise"
                            + " lockWaitTimeout. A dead holder releases the lock when its connection closes (KILL"
                            + " <id> ends it at once).");
                }
                if (lastLog == 0 || now - lastLog >= LOG_EVERY_NANOS) {
                    log.info(
                            "Waiting for the migration lock on {} held by {}",
                            request.versionTable(),
                            holder(connection, wanted));
                    lastLog = now;
                }
                pause(Math.min(sleep, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
                sleep = Math.min(sleep * 2, 1000);
            }
        }
    }

    /** The holding session as the process list shows it, where this user may see it. */
    private static String holder(Connection connection, String lock) {
        try (PreparedStatement s = connection.prepareStatement("SELECT p.ID, p.USER, p.HOST, p.TIME, p.STATE"
                + " FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
            s.setString(1, lock);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return "connection " + rs.getLong(1) + " (" + rs.getString(2) + "@" + rs.getString(3) + ", "
                            + rs.getLong(4) + " s in its current state"
                            + (rs.getString(5) == null || rs.getString(5).isEmpty() ? "" : ": " + rs.getString(5))
                            + ")";
                }
            }
        } catch (SQLException e) {
            return "another session (" + e.getMessage() + ")";
        }
        return "another session";
    }

    @Override
    public void release(Connection connection) {
        if (name == null) {
            return;
        }
        try {
            if (connection.isClosed()) {
                return; // the lock ended with the session
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                s.setString(1, name);
                s.execute();
            }
        } catch (SQLException e) {
            log.warn(
                    "Could not release the migration lock cleanly ({}); it is released when the connection closes.",
                    e.getMessage());
        } finally {
            name = null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationsException("Interrupted while waiting for the migration lock", e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
