package dev.migrations.platform.postgresql;

import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.RevisionSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Around a PostgreSQL revision: {@code lock_timeout} on its statements (SET LOCAL in a transaction,
 * set and put back in autocommit), and an INVALID index left by an interrupted concurrent build
 * dropped before the build runs again and after it fails.
 */
final class PostgresRevisionSession implements RevisionSession {

    private final Connection connection;
    private final DdlSettings settings;
    private String sessionLockTimeout;

    PostgresRevisionSession(Connection connection, DdlSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    @Override
    public void transactionStarted() throws SQLException {
        if (!settings.limited()) {
            return;
        }
        String timeout = "'" + settings.lockTimeout().toMillis() + "ms'";
        if (connection.getAutoCommit()) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
                sessionLockTimeout = rs.next() ? rs.getString(1) : null;
            }
            run("SET lock_timeout = " + timeout);
        } else {
            run("SET LOCAL lock_timeout = " + timeout);
        }
    }

    @Override
    public void beforeStatement(String sql) throws SQLException {
        InvalidIndexes.Target index = concurrentIndex(sql);
        if (index != null) {
            InvalidIndexes.dropIfInvalid(connection, index, "left by an earlier, interrupted build");
        }
    }

    @Override
    public void statementFailed(String sql, SQLException failure) {
        InvalidIndexes.Target index = concurrentIndex(sql);
        if (index == null) {
            return;
        }
        try {
            InvalidIndexes.dropIfInvalid(connection, index, "left by the failed build");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The index a statement builds concurrently; only outside a transaction can it be one. */
    private InvalidIndexes.Target concurrentIndex(String sql) {
        try {
            return connection.getAutoCommit() ? InvalidIndexes.of(sql) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void close() throws SQLException {
        if (sessionLockTimeout != null) {
            run("SET lock_timeout = '" + sessionLockTimeout.replace("'", "") + "'");
        }
    }

    private void run(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
