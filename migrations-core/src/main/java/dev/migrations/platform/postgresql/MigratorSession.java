package dev.migrations.platform.postgresql;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * How a migrating PostgreSQL session makes itself known while it holds the lock.
 * <ul>
 * <li>{@code application_name} becomes {@code migrations <pid>@<host>}, so a waiter can tell a
 * migrator from any other session and, on the same host, whether its process still runs.</li>
 * <li>{@code client_connection_check_interval} (PostgreSQL 14+) is turned on when the session has
 * none: the server does not notice a killed client while a statement runs, and without it a dead
 * migrator's statement (and with it the lock) could live on for as long as the statement takes.</li>
 * </ul>
 * Both settings are put back when the lock is released, since the connection may go back to a pool.
 */
final class MigratorSession {

    static final String PREFIX = "migrations ";
    /** Often enough that a killed migrator's statement ends about a second after the kill. */
    private static final String CHECK_INTERVAL_MS = "1000";

    private static final int MAX_NAME = 63; // PostgreSQL truncates application_name to NAMEDATALEN - 1
    private static final String THIS_HOST = hostName();

    private final String previousName;
    private final String previousCheckInterval; // null when the server has no such setting or it was set already

    private MigratorSession(String previousName, String previousCheckInterval) {
        this.previousName = previousName;
        this.previousCheckInterval = previousCheckInterval;
    }

    /** Tags {@code connection} as this process's migrator; {@link #restore} undoes it. */
    static MigratorSession tag(Connection connection) throws SQLException {
        String name;
        String interval;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT"
                                + " current_setting('application_name'), current_setting('client_connection_check_interval', true)")) {
            rs.next();
            name = rs.getString(1);
            interval = rs.getString(2); // null before PostgreSQL 14
        }
        boolean enableCheck = "0".equals(interval);
        set(connection, ownName(), enableCheck ? CHECK_INTERVAL_MS : null);
        return new MigratorSession(name == null ? "" : name, enableCheck ? interval : null);
    }

    void restore(Connection connection) throws SQLException {
        set(connection, previousName, previousCheckInterval);
    }

    /** Sets the application name and, unless null, the client check interval, in one round trip. */
    private static void set(Connection connection, String applicationName, String checkInterval) throws SQLException {
        String sql = "SELECT set_config('application_name', ?, false)"
                + (checkInterval == null ? "" : ", set_config('client_connection_check_interval', ?, false)");
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, applicationName);
            if (checkInterval != null) {
                s.setString(2, checkInterval);
            }
            s.execute();
        }
    }

    static String ownName() {
        String name = PREFIX + ProcessHandle.current().pid() + "@" + THIS_HOST;
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** The process behind an application name this class gave, if it is one. */
    static Optional<Migrator> parse(String applicationName) {
        if (applicationName == null || !applicationName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = applicationName.substring(PREFIX.length());
        int at = rest.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Migrator(Long.parseLong(rest.substring(0, at)), rest.substring(at + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A migrating process, as named by its session. */
    record Migrator(long pid, String host) {

        /**
         * True only when the process is certainly gone: it ran on this host (its name was not
         * truncated) and no process with its id runs here now. A migrator on another host may be
         * alive, so it is never called dead.
         */
        boolean knownDead() {
            return host.equals(THIS_HOST)
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip().toLowerCase(Locale.ROOT);
        }
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
