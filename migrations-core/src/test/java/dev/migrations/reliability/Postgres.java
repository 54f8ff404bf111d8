package dev.migrations.reliability;

import dev.migrations.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** What the PostgreSQL reliability tests ask the server about other sessions. */
final class Postgres {

    private Postgres() {}

    /** The backend of the given process's migrating session while it executes a statement, or 0. */
    static int activeMigratorBackend(TestDatabase db, long processId) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT pid" + " FROM pg_stat_activity WHERE application_name LIKE ? AND state = 'active'")) {
            s.setString(1, "migrations " + processId + "@%");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Waits until the given process's migrating session executes a statement; its backend pid. */
    static int awaitActiveMigrator(TestDatabase db, long processId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int backend = activeMigratorBackend(db, processId);
            if (backend != 0) {
                return backend;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process " + processId + " never ran a statement");
    }

    static boolean backendExists(TestDatabase db, int backend) throws SQLException {
        return queryInt(db, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + backend) > 0;
    }

    /** Advisory locks held in the test's database, whoever holds them. */
    static int advisoryLocks(TestDatabase db) throws SQLException {
        return queryInt(
                db,
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    static int queryInt(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
