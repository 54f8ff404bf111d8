package dev.migrations.internal.runtime;

import dev.migrations.api.MigrationsException;
import java.sql.SQLException;

/**
 * The error for a connection that could not be opened: a refused login (SQLSTATE class 28) says to
 * check the credentials, anything else to check that the server can be reached. Shared by the
 * engine and the command line, so both say the same thing.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {}

    public static MigrationsException of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new MigrationsException(
                    "The database refused the login: " + sentence(e.getMessage())
                            + " Check the user and password of the DataSource (or of the separate migration connection)."
                            + " Nothing was changed.",
                    e);
        }
        return new MigrationsException(
                "Cannot connect to the database: " + sentence(e.getMessage())
                        + " Check the URL, that the server is running and reachable from here, and the network."
                        + " Nothing was changed.",
                e);
    }

    /** A message as a sentence: trimmed, ending with a full stop. */
    public static String sentence(String message) {
        String m = message == null ? "no details" : message.strip();
        return m.endsWith(".") ? m : m + ".";
    }
}
