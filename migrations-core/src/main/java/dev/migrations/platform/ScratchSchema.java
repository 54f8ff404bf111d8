package dev.migrations.platform;

import dev.migrations.ops.Operation;
import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where autogenerate builds the entities' schema so that the database itself spells its types,
 * defaults and conditions, the same way it spells the live schema: it builds, reads back with the
 * platform's inspector, and leaves nothing behind.
 */
public interface ScratchSchema {

    /**
     * @param live the connection to the database being compared
     * @param create the operations that create the schema
     * @param runner runs operations on a connection the way migrations do (table rebuilds included)
     */
    SchemaSnapshot build(Connection live, List<Operation> create, OperationRunner runner) throws SQLException;

    /** Runs operations straight on a connection. */
    @FunctionalInterface
    interface OperationRunner {
        void run(Connection connection, DatabasePlatform platform, List<Operation> operations) throws SQLException;
    }
}
