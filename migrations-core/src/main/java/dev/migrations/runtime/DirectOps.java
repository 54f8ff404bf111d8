package dev.migrations.runtime;

import dev.migrations.ddl.Dialect;
import dev.migrations.ops.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs operations straight on a connection, outside any revision and its bookkeeping, in the
 * connection's current transaction state: how autogenerate builds the entities' schema in a
 * scratch database. Migrations never run this way.
 */
public final class DirectOps {

    private DirectOps() {
    }

    public static void apply(Connection connection, Dialect dialect, List<Operation> operations) throws SQLException {
        try (JdbcOps ops = new JdbcOps(connection, dialect, new DdlSettings(null, 0))) {
            ops.beforeTransaction();
            ops.transactionStarted();
            operations.forEach(ops::apply);
            ops.finish();
        }
    }
}
