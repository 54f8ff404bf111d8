package dev.migrations.internal.runtime;

import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs operations straight on a connection, outside any revision and its bookkeeping, in the
 * connection's current transaction state: how autogenerate builds the entities' schema in a
 * scratch database. Migrations never run this way.
 */
public final class DirectOps {

    private DirectOps() {}

    public static void apply(Connection connection, DatabasePlatform platform, List<Operation> operations)
            throws SQLException {
        try (JdbcOps ops = new JdbcOps(connection, platform, DdlSettings.UNLIMITED)) {
            ops.beforeTransaction();
            ops.transactionStarted();
            operations.forEach(ops::apply);
            ops.finish();
        }
    }
}
