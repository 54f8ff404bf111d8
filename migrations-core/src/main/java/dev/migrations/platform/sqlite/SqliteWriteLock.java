package dev.migrations.platform.sqlite;

import dev.migrations.api.MigrationsException;
import dev.migrations.platform.DatabaseLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's own write lock, taken at the start of every revision's transaction and waited for up to
 * the lock timeout ({@code busy_timeout}); the heads are read again under it, so a revision another
 * process applied meanwhile is skipped.
 */
final class SqliteWriteLock implements DatabaseLock {

    private final Request request;
    private Integer previousBusyTimeout;

    SqliteWriteLock(Request request) {
        this.request = request;
    }

    @Override
    public void acquire(Connection connection, long deadlineNanos) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            previousBusyTimeout = rs.next() ? rs.getInt(1) : null;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = "
                    + Math.min(Integer.MAX_VALUE, request.timeout().toMillis()));
        }
    }

    @Override
    public boolean enterTransaction(Connection connection) throws SQLException {
        // A write as the transaction's first statement takes SQLite's RESERVED lock, waiting up to
        // busy_timeout; a read first would make a later upgrade to writing fail without waiting.
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM " + request.versionTable() + " WHERE 1 = 0");
        } catch (SQLException e) {
            if (SqlitePlatform.busy(e)) {
                throw new MigrationsException("Timed out after "
                        + request.timeout().toSeconds() + " s waiting for"
                        + " the migration lock on " + request.versionTable() + ": another process holds the SQLite"
                        + " write lock. Wait for it, or raise lockWaitTimeout.");
            }
            throw e;
        }
        return true;
    }

    @Override
    public void release(Connection connection) {
        try {
            if (previousBusyTimeout != null && !connection.isClosed()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA busy_timeout = " + previousBusyTimeout);
                }
            }
        } catch (SQLException e) {
            // the setting belongs to this connection only; a closed one takes it along
        }
    }
}
