package dev.migrations.platform.mysql;

import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.OnlineDdl;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.RevisionSession;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Around a MySQL/MariaDB revision: a short {@code lock_wait_timeout} for its statements (whole
 * seconds, at least one), put back afterwards, so an ALTER queued behind a long transaction gives up
 * instead of stalling every query queued behind it; and the parts of an operation the syntax needs
 * but the migration need not say, read from the catalog: the whole column a {@code MODIFY} restates,
 * the table of an index, the kind of a constraint.
 */
final class MysqlRevisionSession implements RevisionSession {

    private final Connection connection;
    private final DdlSettings settings;
    private Long sessionLockWaitTimeout;
    /** The migration's operation being carried out, and whether its ALGORITHM/LOCK is the default. */
    private Operation current;

    private boolean currentDefaulted;

    MysqlRevisionSession(Connection connection, DdlSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    @Override
    public void transactionStarted() throws SQLException {
        if (!settings.limited() || sessionLockWaitTimeout != null) {
            return;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
            rs.next();
            sessionLockWaitTimeout = rs.getLong(1);
        }
        long seconds = Math.max(1, (settings.lockTimeout().toMillis() + 999) / 1000);
        run("SET SESSION lock_wait_timeout = " + seconds);
    }

    @Override
    public List<Operation> expand(Operation operation) throws SQLException {
        currentDefaulted = OnlineClauses.takesRequest(operation) && OnlineClauses.requested(operation) == null;
        if (currentDefaulted && !settings.onlineDefaults()) {
            operation = OnlineDdl.SERVER_CHOICE.requestOn(operation);
            currentDefaulted = false;
        }
        current = operation;
        if (operation instanceof AlterColumn o
                && o.existing() == null
                && (o.type() != null || o.nullable() != null || o.comment() != null || o.identity() != null)) {
            Optional<Column> existing = MysqlColumns.read(connection, o.schema(), o.table(), o.column());
            if (existing.isPresent()) {
                return List.of(o.existing(existing.get()));
            }
        }
        if (operation instanceof DropIndex o && o.table() == null) {
            String table = lookUp(
                    "SELECT TABLE_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
                            + " AND INDEX_NAME = ? LIMIT 1",
                    o.schema(),
                    o.name());
            if (table != null) {
                operation = new DropIndex(
                        o.schema(), o.name(), table, o.original(), o.concurrently(), o.ifExists(), o.online());
            }
        }
        if (operation instanceof DropIndex o) {
            return IndexedForeignKeys.around(connection, o.schema(), o.table(), o.name(), o);
        }
        if (operation instanceof DropConstraint o && o.name() != null && o.type() == null) {
            String type = lookUp(
                    "SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA ="
                            + " COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND CONSTRAINT_NAME = ? LIMIT 1",
                    o.schema(),
                    o.table(),
                    o.name());
            if (type != null) {
                Constraint.Type kind = switch (type) {
                    case "PRIMARY KEY" -> Constraint.Type.PRIMARY_KEY;
                    case "UNIQUE" -> Constraint.Type.UNIQUE;
                    case "FOREIGN KEY" -> Constraint.Type.FOREIGN_KEY;
                    default -> Constraint.Type.CHECK;
                };
                operation = new DropConstraint(o.schema(), o.table(), o.name(), kind, null);
            }
        }
        if (operation instanceof DropConstraint o && o.type() == Constraint.Type.UNIQUE && o.name() != null) {
            return IndexedForeignKeys.around(connection, o.schema(), o.table(), o.name(), o);
        }
        if (operation instanceof DropColumn o) {
            return withForeignKeysDropped(o);
        }
        return List.of(operation);
    }

    /**
     * Both servers refuse to drop a column a foreign key uses ("needed in a foreign key constraint");
     * PostgreSQL drops such keys with the column, so the keys go first here too.
     */
    private List<Operation> withForeignKeysDropped(DropColumn o) throws SQLException {
        List<Operation> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT CONSTRAINT_NAME FROM"
                + " information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?"
                + " AND COLUMN_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL")) {
            s.setString(1, o.schema());
            s.setString(2, o.table());
            s.setString(3, o.column());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new DropConstraint(
                            o.schema(), o.table(), rs.getString(1), Constraint.Type.FOREIGN_KEY, null));
                }
            }
        }
        out.add(o);
        return out;
    }

    private String lookUp(String sql, String... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Error 1845/1846 (the ALGORITHM or LOCK asked for is refused) and 1071 (a key too long), explained. */
    @Override
    public SQLException explain(String sql, SQLException failure) {
        String message = MysqlFailures.explain(connection, sql, current, currentDefaulted, failure);
        return message == null
                ? failure
                : new SQLException(message, failure.getSQLState(), failure.getErrorCode(), failure);
    }

    @Override
    public void close() throws SQLException {
        if (sessionLockWaitTimeout != null) {
            run("SET SESSION lock_wait_timeout = " + sessionLockWaitTimeout);
            sessionLockWaitTimeout = null;
        }
    }

    private void run(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
