package dev.migrations.autogenerate;

import dev.migrations.autogenerate.compare.CheckNames;
import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.inspect.SchemaInspector;
import dev.migrations.autogenerate.inspect.SchemaSnapshot;
import dev.migrations.ddl.DdlRenderer;
import dev.migrations.ddl.Dialect;
import dev.migrations.ops.Operation;
import dev.migrations.runtime.DirectOps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the entities' schema in a scratch area of the same database engine and reads it back with
 * the live database's inspector, so both sides of the comparison use the database's own spelling
 * of types, defaults and check conditions. On PostgreSQL the scratch is the session's temporary
 * schema, inside a transaction that is rolled back; SQLite and H2 get a private in-memory database.
 */
final class ScratchSchema {

    private ScratchSchema() {
    }

    static SchemaSnapshot normalize(Connection live, Dialect dialect, SchemaSnapshot definitions) throws SQLException {
        SchemaSnapshot empty = new SchemaSnapshot(List.of(), List.of());
        SchemaSnapshot named = CheckNames.apply(definitions);
        List<Operation> create = new SchemaComparator(SchemaComparator.UnmanagedTables.REPORT)
                .compare(empty, named, named).changes().stream().map(SchemaChange::upgrade).toList();
        SchemaInspector inspector = SchemaInspector.of(dialect);
        return switch (dialect) {
            case POSTGRESQL -> inPostgresSchema(live, create, inspector);
            case SQLITE -> inMemory("jdbc:sqlite::memory:", dialect, create, inspector);
            case H2 -> inMemory("jdbc:h2:mem:scratch_" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=0", dialect, create, inspector);
            default -> throw new UnsupportedOperationException("No scratch database for " + dialect.id());
        };
    }

    /**
     * In the session's temporary schema, inside a transaction that is rolled back: needs no CREATE
     * right on the database (temporary tables are every user's by default) and leaves nothing behind.
     */
    private static SchemaSnapshot inPostgresSchema(Connection live, List<Operation> create, SchemaInspector inspector)
            throws SQLException {
        boolean autoCommit = live.getAutoCommit();
        live.setAutoCommit(false);
        try (Statement s = live.createStatement()) {
            // one batch, one round trip: the scratch schema of a large model is hundreds of statements
            s.addBatch("SET LOCAL search_path TO pg_temp");
            DdlRenderer ddl = DdlRenderer.of(Dialect.POSTGRESQL);
            for (Operation op : create) {
                for (String sql : ddl.render(op)) {
                    s.addBatch(sql);
                }
            }
            s.executeBatch();
            String schema;
            try (var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()")) {
                if (!rs.next()) {
                    return inspector.inspect(live, "pg_temp", Set.of()); // nothing was created
                }
                schema = rs.getString(1);
            }
            return inspector.inspect(live, schema, Set.of());
        } finally {
            live.rollback(); // the temporary tables and the SET LOCAL disappear
            live.setAutoCommit(autoCommit);
        }
    }

    private static SchemaSnapshot inMemory(String url, Dialect dialect, List<Operation> create,
            SchemaInspector inspector) throws SQLException {
        try (Connection scratch = DriverManager.getConnection(url)) {
            DirectOps.apply(scratch, dialect, create);
            return inspector.inspect(scratch, null, Set.of());
        }
    }
}
