package dev.migrations.internal.runtime;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.script.StatementFailedException;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.Operation;
import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.FailureKind;
import dev.migrations.platform.RevisionSession;
import dev.migrations.platform.TableRebuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations run online on the migrating connection, inside the revision's transaction. The
 * runner brackets each revision with {@link #beforeTransaction}, {@link #transactionStarted},
 * {@link #finish} and {@link #close}, which hand over to the platform's {@link RevisionSession}. A
 * statement that gave up waiting for a lock is retried where that is safe.
 */
final class JdbcOps extends OperationExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcOps.class);
    private static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final DdlSettings settings;
    private final RevisionSession session;
    private StatementJournal journal;

    JdbcOps(Connection connection, DatabasePlatform platform, DdlSettings settings) {
        super(platform);
        this.connection = connection;
        this.settings = settings;
        this.session = platform.session(connection, settings);
    }

    /** Journals (and on resume skips) the statements from now on. */
    void journal(StatementJournal journal) {
        this.journal = journal;
    }

    private boolean skipped(String sql) {
        return journal != null && journal.skip(sql);
    }

    private void journaled(String sql) {
        if (journal != null) {
            try {
                journal.completed(sql);
            } catch (SQLException e) {
                throw new StatementFailedException("recording the completed statement in the history: " + sql, null, e);
            }
        }
    }

    /** Called in autocommit mode, before the revision's transaction begins. */
    void beforeTransaction() throws SQLException {
        session.beforeTransaction();
    }

    /** Called once the revision runs, in its transaction or (non-transactional) in autocommit. */
    void transactionStarted() throws SQLException {
        session.transactionStarted();
        if (journal != null) {
            journal.begin();
        }
    }

    /** Runs what is still collected, then the platform's checks before commit. */
    void finish() throws SQLException {
        flush();
        session.beforeCommit();
    }

    /** Restores what the session set up. */
    @Override
    public void close() throws SQLException {
        session.close();
    }

    // ---------------------------------------------------------------- operations

    @Override
    protected TableRebuilder.Rebuild startRebuild(Operation operation) {
        try {
            return rebuilder.start(connection, operation.table());
        } catch (SQLException e) {
            throw new StatementFailedException("reading table " + operation.table() + " to rebuild it", null, e);
        }
    }

    @Override
    protected void runRebuild(TableRebuilder.Rebuild rebuild) {
        log.info(
                "Rebuilding {} table {} for: {}",
                platform.displayName(),
                rebuild.table(),
                String.join(", ", rebuild.described()));
        for (String sql : rebuild.statements()) {
            try {
                runStatement(sql);
            } catch (StatementFailedException e) {
                // the rebuild's own statements are not what the user wrote: name the table and the changes
                SQLException cause = (SQLException) e.getCause();
                throw new StatementFailedException(
                        "rebuild of table " + rebuild.table() + " for: " + String.join(", ", rebuild.described()),
                        null,
                        new SQLException(rebuild.explain(cause.getMessage()), cause.getSQLState(), cause));
            }
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
        if (concurrently && platform.has(Capability.CONCURRENT_INDEXES) && !autoCommit()) {
            throw new MigrationsException(operation.describe() + " CONCURRENTLY cannot run inside a transaction;"
                    + " declare the revision with transactional = false");
        }
        String outsideOnly = needsAutocommit(operation);
        if (outsideOnly != null && !autoCommit()) {
            throw new MigrationsException(operation.describe() + ": " + outsideOnly + "; declare the revision with"
                    + " transactional = false (@Revision(transactional = false), or '-- transactional: false' in a SQL"
                    + " file)");
        }
        List<Operation> steps;
        try {
            steps = session.expand(operation);
        } catch (SQLException e) {
            throw new StatementFailedException("reading the catalog for " + operation.describe(), null, e);
        }
        for (Operation step : steps) {
            ddl.render(step).forEach(this::runStatement);
        }
    }

    private String needsAutocommit(Operation operation) {
        try {
            return session.needsAutocommit(operation);
        } catch (SQLException e) {
            throw new StatementFailedException("reading the server version for " + operation.describe(), null, e);
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
     * Runs one statement. A statement that gave up waiting for a lock is retried with a growing
     * pause when it runs on its own (autocommit); inside a transaction the whole revision is rolled
     * back and retried by the runner, since the transaction may be aborted.
     */
    private void runStatement(String sql) {
        if (skipped(sql)) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try (Statement statement = connection.createStatement()) {
                session.beforeStatement(sql);
                if (journal != null) {
                    journal.beforeStatement(sql);
                }
                statement.execute(sql);
                journaled(sql);
                return;
            } catch (SQLException e) {
                session.statementFailed(sql, e);
                if (journal != null
                        && journal.mayHaveRunBefore()
                        && platform.classify(e) == FailureKind.OBJECT_EXISTS) {
                    // the earlier run died while the server still ran this statement, which then completed
                    log.warn(
                            "The first statement after the completed ones already took effect (the earlier run"
                                    + " ended while the server ran it); counting it as done: {}",
                            abbreviate(sql));
                    journaled(sql);
                    return;
                }
                if (platform.classify(e) != FailureKind.LOCK_TIMEOUT || !settings.limited()) {
                    throw new StatementFailedException(sql, null, session.explain(sql, e));
                }
                if (!autoCommit()) {
                    throw new LockTimeoutException(new StatementFailedException(sql, null, e));
                }
                if (attempt >= settings.lockRetries()) {
                    throw LockTimeoutException.gaveUp(
                            new StatementFailedException(sql, null, e),
                            settings,
                            attempt + 1,
                            platform.lockHoldersHint());
                }
                long pause = LockTimeoutException.pause(attempt);
                log.warn(
                        "Waited {} for a lock and gave up (attempt {} of {}); retrying in {} ms: {}",
                        settings.lockTimeout(),
                        attempt + 1,
                        settings.lockRetries() + 1,
                        pause,
                        abbreviate(sql));
                LockTimeoutException.sleep(pause);
            }
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
        if (skipped(sql)) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            int rows = statement.executeUpdate();
            journaled(sql);
            return rows;
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
