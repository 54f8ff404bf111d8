package dev.migrations.platform.postgresql;

import dev.migrations.platform.LockTracer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Traces on PostgreSQL: {@code pg_locks} rows of the session's own backend, and {@code
 * pg_relation_filenode} of the tables and indexes in the search path (a new file node after a
 * statement means it rewrote the relation). The limits are {@code SET LOCAL}, so they end with the
 * traced transaction.
 */
final class PgLocksTracer implements LockTracer {

    /** lock_not_available (lock_timeout) and query_canceled (statement_timeout). */
    private static final Set<String> STOPPED = Set.of("55P03", "57014");

    @Override
    public void limit(Connection connection, Duration remaining) throws SQLException {
        long millis = Math.max(1, remaining.toMillis());
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + millis + "ms'");
            s.execute("SET LOCAL statement_timeout = '" + millis + "ms'");
        }
    }

    @Override
    public Map<Long, Relation> relations(Connection connection) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT c.oid, c.relname, c.relkind IN ('r', 'p', 'm'),"
                                + " COALESCE(pg_relation_filenode(c.oid), 0) FROM pg_class c"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = ANY (current_schemas(false)) AND c.relkind IN ('r', 'p', 'm', 'i', 'I')")) {
            while (rs.next()) {
                relations.put(
                        rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)));
            }
        }
        return relations;
    }

    @Override
    public Set<HeldLock> locks(Connection connection) throws SQLException {
        Set<HeldLock> locks = new HashSet<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid()"
                        + " AND locktype = 'relation' AND granted AND relation IS NOT NULL")) {
            while (rs.next()) {
                locks.add(new HeldLock(rs.getLong(1), rs.getString(2)));
            }
        }
        return locks;
    }

    @Override
    public boolean stoppedByLimit(SQLException e) {
        return e.getSQLState() != null && STOPPED.contains(e.getSQLState());
    }
}
