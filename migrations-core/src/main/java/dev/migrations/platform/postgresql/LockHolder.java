package dev.migrations.platform.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The PostgreSQL session holding an advisory lock, as {@code pg_locks} and {@code pg_stat_activity} show it. */
record LockHolder(
        int pid, String applicationName, String client, String connectedSince, String state, String stateSince) {

    /** The holder of advisory lock {@code key}, if any session holds it and this user may see it. */
    static Optional<LockHolder> find(Connection connection, long key) throws SQLException {
        String sql = "SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state, a.state_change"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                + " AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LockHolder(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
            }
        }
    }

    /** The migrating process behind this session, when a migrator tagged it. */
    Optional<MigratorSession.Migrator> migrator() {
        return MigratorSession.parse(applicationName);
    }

    /** True when a migrator on this host holds the lock but its process no longer runs. */
    boolean orphaned() {
        return migrator().map(MigratorSession.Migrator::knownDead).orElse(false);
    }

    String describe() {
        String who = "pid " + pid + " (application '" + applicationName + "', client " + client + ", connected since "
                + connectedSince + ", " + state + " since " + stateSince + ")";
        if (orphaned()) {
            return who + ", the session of migrating process "
                    + migrator().orElseThrow().pid() + ", which no"
                    + " longer runs: the server is still finishing its last statement";
        }
        return who;
    }
}
