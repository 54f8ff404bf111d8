package dev.migrations.platform.postgresql;

import dev.migrations.ops.AddEnumValue;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.RevisionSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Around a PostgreSQL revision: {@code lock_timeout} on its statements (SET LOCAL in a transaction,
 * set and put back in autocommit), and an INVALID index left by an interrupted concurrent build
 * dropped before the build runs again and after it fails; an enum value added outside a transaction
 * where the server requires it.
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

    /** PostgreSQL 12 runs ALTER TYPE ... ADD VALUE in a transaction (the new value is usable once it commits). */
    @Override
    public String needsAutocommit(Operation operation) throws SQLException {
        return operation instanceof AddEnumValue
                        && addEnumValueNeedsAutocommit(connection.getMetaData().getDatabaseMajorVersion())
                ? "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion()
                        + " cannot add a value to an enum type inside a transaction (12 and later can)"
                : null;
    }

    static boolean addEnumValueNeedsAutocommit(int serverMajorVersion) {
        return serverMajorVersion < 12;
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
