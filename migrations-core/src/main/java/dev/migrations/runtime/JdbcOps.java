package dev.migrations.runtime;

import dev.migrations.MigrationsException;
import dev.migrations.ddl.Dialect;
import dev.migrations.ddl.SqliteRebuild;
import dev.migrations.ddl.SqliteSchemaReader;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.Operation;
import dev.migrations.script.StatementFailedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations run online on the migrating connection, inside the revision's transaction. The
 * runner brackets each revision with {@link #beforeTransaction}, {@link #transactionStarted},
 * {@link #finish} and {@link #close}: on SQLite that turns foreign-key enforcement off around
 * table rebuilds and checks the keys before commit; on PostgreSQL it sets {@code lock_timeout}
 * and retries a statement that timed out waiting for a lock.
 */
final class JdbcOps extends OperationExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcOps.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final Dialect dialect;
    private final DdlSettings settings;
    private boolean foreignKeysWereOn;
    private String sessionLockTimeout;

    JdbcOps(Connection connection, Dialect dialect, DdlSettings settings) {
        super(dialect);
        this.connection = connection;
        this.dialect = dialect;
        this.settings = settings;
    }

    /** Called in autocommit mode, before the revision's transaction begins. */
    void beforeTransaction() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            // SQLite ignores this pragma inside a transaction, and a rebuild's DROP TABLE would
            // otherwise cascade to referencing rows.
            foreignKeysWereOn = queryInt("PRAGMA foreign_keys") == 1;
            if (foreignKeysWereOn) {
                runStatement("PRAGMA foreign_keys = OFF");
            }
        }
    }

    /** Called once the revision runs, in its transaction or (non-transactional) in autocommit. */
    void transactionStarted() throws SQLException {
        if (dialect != Dialect.POSTGRESQL || !settings.limited()) {
            return;
        }
        String timeout = "'" + settings.lockTimeout().toMillis() + "ms'";
        if (connection.getAutoCommit()) {
            sessionLockTimeout = queryString("SHOW lock_timeout");
            runStatement("SET lock_timeout = " + timeout);
        } else {
            runStatement("SET LOCAL lock_timeout = " + timeout);
        }
    }

    /**
     * Runs what is still collected and, where SQLite's foreign keys were turned off for the
     * revision, checks them all, so neither a rebuild nor the revision's own data can break one.
     */
    void finish() throws SQLException {
        flush();
        if (foreignKeysWereOn) {
            List<String> problems = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next() && problems.size() < 5) {
                    problems.add("row " + rs.getLong("rowid") + " of " + rs.getString("table") + " references a"
                            + " missing row of " + rs.getString("parent"));
                }
            }
            if (!problems.isEmpty()) {
                throw new MigrationsException("At the end of the revision, foreign keys are broken: "
                        + String.join("; ", problems) + ". Nothing was changed; fix the data or the migration.");
            }
        }
    }

    /** Restores what {@link #beforeTransaction} and {@link #transactionStarted} changed. */
    @Override
    public void close() throws SQLException {
        if (dialect == Dialect.SQLITE && foreignKeysWereOn) {
            runStatement("PRAGMA foreign_keys = ON");
        }
        if (sessionLockTimeout != null) {
            runStatement("SET lock_timeout = '" + sessionLockTimeout.replace("'", "") + "'");
        }
    }

    // ---------------------------------------------------------------- operations

    @Override
    protected SqliteRebuild startRebuild(Operation operation) {
        try {
            SqliteSchemaReader.StoredTable stored = new SqliteSchemaReader().read(connection, operation.table());
            return new SqliteRebuild(stored.table(), stored.triggers());
        } catch (SQLException e) {
            throw new StatementFailedException("PRAGMA table_xinfo(" + operation.table() + ")", null, e);
        }
    }

    @Override
    protected void runRebuild(SqliteRebuild rebuild) {
        log.info("Rebuilding SQLite table {} for: {}", rebuild.table(), String.join(", ", rebuild.described()));
        for (String sql : rebuild.statements()) {
            runStatement(sql);
        }
    }

    @Override
    protected void perform(Operation operation) {
        if (operation instanceof BulkInsert insert) {
            bulkInsert(insert);
            return;
        }
        boolean concurrently = operation instanceof CreateIndex c && c.concurrently()
                || operation instanceof DropIndex d && d.concurrently();
        if (concurrently && dialect == Dialect.POSTGRESQL && !autoCommit()) {
            throw new MigrationsException(operation.describe() + " CONCURRENTLY cannot run inside a transaction;"
                    + " declare the revision with transactional = false");
        }
        if (dialect == Dialect.H2 && operation instanceof DropIndex drop && !drop.ifExists()) {
            List<Operation> steps;
            try {
                steps = H2BorrowedIndexes.dropping(connection, drop);
            } catch (SQLException e) {
                throw new StatementFailedException("INFORMATION_SCHEMA.TABLE_CONSTRAINTS", null, e);
            }
            for (Operation step : steps) {
                ddl.render(step).forEach(this::runStatement);
            }
            return;
        }
        for (String sql : ddl.render(operation)) {
            runStatement(sql);
        }
    }

    private void bulkInsert(BulkInsert insert) {
        insert.byColumns().forEach((columns, rows) -> {
            String sql = ddl.insertStatement(insert.schema(), insert.table(), columns);
            try (BatchWriter writer = batch(sql, FETCH_SIZE)) {
                for (Map<String, Object> row : rows) {
                    writer.add(columns.stream().map(row::get).toArray());
                }
            }
        });
    }

    /**
     * Runs one statement. On PostgreSQL a statement that gave up waiting for a lock is retried
     * with a growing pause when it runs on its own (autocommit); inside a transaction the whole
     * revision is rolled back and retried by the runner, since the transaction is then aborted.
     */
    private void runStatement(String sql) {
        InvalidIndexes.Target concurrentIndex = dialect == Dialect.POSTGRESQL && autoCommit() ? InvalidIndexes.of(sql)
                : null;
        for (int attempt = 0; ; attempt++) {
            try (Statement statement = connection.createStatement()) {
                if (concurrentIndex != null) {
                    InvalidIndexes.dropIfInvalid(connection, concurrentIndex, "left by an earlier, interrupted build");
                }
                statement.execute(sql);
                return;
            } catch (SQLException e) {
                if (concurrentIndex != null) {
                    dropAfterFailure(concurrentIndex, e);
                }
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || !settings.limited()) {
                    throw new StatementFailedException(sql, null, e);
                }
                if (!autoCommit()) {
                    throw new LockTimeoutException(new StatementFailedException(sql, null, e));
                }
                if (attempt >= settings.lockRetries()) {
                    throw LockTimeoutException.gaveUp(new StatementFailedException(sql, null, e), settings,
                            attempt + 1);
                }
                long pause = LockTimeoutException.pause(attempt);
                log.warn("Waited {} for a lock and gave up (attempt {} of {}); retrying in {} ms: {}",
                        settings.lockTimeout(), attempt + 1, settings.lockRetries() + 1, pause, abbreviate(sql));
                LockTimeoutException.sleep(pause);
            }
        }
    }

    private void dropAfterFailure(InvalidIndexes.Target index, SQLException failure) {
        try {
            InvalidIndexes.dropIfInvalid(connection, index, "left by the failed build");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private boolean autoCommit() {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new MigrationsException("Cannot read the connection's transaction state: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- data access

    @Override
    public int update(String sql, Object... parameters) {
        flush();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(sql, null, e);
        }
    }

    @Override
    public void query(String sql, RowHandler handler, Object... parameters) {
        flush();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new StatementFailedException(sql, null, e);
        }
    }

    @Override
    public BatchWriter batch(String sql, int batchSize) {
        flush();
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        try {
            return new JdbcBatchWriter(connection.prepareStatement(sql), sql, batchSize);
        } catch (SQLException e) {
            throw new StatementFailedException(sql, null, e);
        }
    }

    @Override
    public Connection connection() {
        flush();
        return connection;
    }

    @Override
    public boolean offline() {
        return false;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private int queryInt(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private String queryString(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Sends rows in batches of a fixed size; the last partial batch on close. */
    private static final class JdbcBatchWriter implements BatchWriter {
        private final PreparedStatement statement;
        private final String sql;
        private final int batchSize;
        private int queued;
        private long sent;

        JdbcBatchWriter(PreparedStatement statement, String sql, int batchSize) {
            this.statement = statement;
            this.sql = sql;
            this.batchSize = batchSize;
        }

        @Override
        public void add(Object... parameters) {
            try {
                bind(statement, parameters);
                statement.addBatch();
                if (++queued == batchSize) {
                    send();
                }
            } catch (SQLException e) {
                throw new StatementFailedException(sql, null, e);
            }
        }

        private void send() throws SQLException {
            statement.executeBatch();
            sent += queued;
            queued = 0;
        }

        @Override
        public long count() {
            return sent + queued;
        }

        @Override
        public void close() {
            try (statement) {
                if (queued > 0) {
                    send();
                }
            } catch (SQLException e) {
                throw new StatementFailedException(sql, null, e);
            }
        }
    }
}
