package dev.migrations.lint;

import dev.migrations.api.Ops;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.TableLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java revision's upgrade run for the trace: each operation rendered as this database's DDL and
 * run under observation, data statements too. The JDBC connection it may take is the trace's own,
 * wrapped so that it can neither commit, roll back the whole transaction, nor close.
 */
final class TracingOps implements Ops {

    private final TraceStatements statements;
    private final TraceSession session;
    private final DatabasePlatform platform;
    private int count;

    TracingOps(TraceStatements statements, TraceSession session, DatabasePlatform platform) {
        this.statements = statements;
        this.session = session;
        this.platform = platform;
    }

    private String location() {
        return "#" + ++count;
    }

    @Override
    public void apply(Operation operation) {
        String location = location();
        if (operation instanceof Execute e) {
            if (e.appliesTo(platform.id())) {
                statements.sql(location, e.sql());
            }
            return;
        }
        List<TableLock> expected = statements.expect(operation);
        List<String> sql = platform.ddl().render(operation);
        String text = sql.isEmpty() ? operation.describe() : String.join("; ", sql);
        if (concurrent(operation)) {
            statements.add(TraceSession.notTraced(
                    location, text, "a concurrent build or drop cannot run inside the trace's transaction", expected));
        } else if (platform.rebuilder() != null && platform.rebuilder().needsRebuild(operation)) {
            statements.add(TraceSession.notTraced(location, text, "a table rebuild is not traced", expected));
        } else {
            statements.add(session.run(location, text, expected, () -> {
                try (Statement s = session.connection().createStatement()) {
                    for (String statement : sql) {
                        s.execute(statement);
                    }
                }
            }));
        }
        statements.follow(operation);
    }

    static boolean concurrent(Operation op) {
        return op instanceof CreateIndex c && c.concurrently() || op instanceof DropIndex d && d.concurrently();
    }

    @Override
    public int update(String sql, Object... parameters) {
        int[] count = new int[1];
        statements.data(location(), sql, () -> {
            try (PreparedStatement s = session.connection().prepareStatement(sql)) {
                bind(s, parameters);
                count[0] = s.executeUpdate();
            }
        });
        return count[0];
    }

    @Override
    public void query(String sql, RowHandler handler, Object... parameters) {
        statements.data(location(), sql, () -> {
            try (PreparedStatement s = session.connection().prepareStatement(sql)) {
                bind(s, parameters);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            }
        });
    }

    @Override
    public BatchWriter batch(String sql, int batchSize) {
        String location = location();
        List<Object[]> rows = new ArrayList<>();
        return new BatchWriter() {
            @Override
            public void add(Object... parameters) {
                rows.add(parameters);
            }

            @Override
            public long count() {
                return rows.size();
            }

            @Override
            public void close() {
                statements.data(location, sql, () -> {
                    try (PreparedStatement s = session.connection().prepareStatement(sql)) {
                        for (Object[] row : rows) {
                            bind(s, row);
                            s.addBatch();
                        }
                        s.executeBatch();
                    }
                });
            }
        };
    }

    /** The trace's connection, unable to end its transaction or close. */
    @Override
    public Connection connection() {
        try {
            session.directUseStarts();
        } catch (SQLException e) {
            throw new IllegalStateException("The trace could not read its locks: " + e.getMessage(), e);
        }
        return TransactionGuard.connection(session.connection());
    }

    @Override
    public String database() {
        return platform.id();
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
}
