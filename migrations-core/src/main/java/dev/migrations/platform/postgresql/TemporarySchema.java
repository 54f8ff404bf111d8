package dev.migrations.platform.postgresql;

import dev.migrations.ops.Operation;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.platform.ScratchSchema;
import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The scratch schema is the session's temporary schema, inside a transaction that is rolled back:
 * it needs no CREATE right on the database (temporary tables are every user's by default) and leaves
 * nothing behind.
 */
final class TemporarySchema implements ScratchSchema {

    private final DdlRenderer ddl;

    TemporarySchema(DdlRenderer ddl) {
        this.ddl = ddl;
    }

    @Override
    public SchemaSnapshot build(Connection live, List<Operation> create, OperationRunner runner) throws SQLException {
        boolean autoCommit = live.getAutoCommit();
        live.setAutoCommit(false);
        try (Statement s = live.createStatement()) {
            // one batch, one round trip: the scratch schema of a large model is hundreds of statements
            s.addBatch("SET LOCAL search_path TO pg_temp");
            for (Operation op : create) {
                for (String sql : ddl.render(op)) {
                    s.addBatch(sql);
                }
            }
            s.executeBatch();
            String schema = "pg_temp"; // nothing was created when the session has no temporary schema yet
            try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()")) {
                if (rs.next()) {
                    schema = rs.getString(1);
                }
            }
            return new PostgresInspector().inspect(live, schema, Set.of());
        } finally {
            live.rollback(); // the temporary tables and the SET LOCAL disappear
            live.setAutoCommit(autoCommit);
        }
    }
}
