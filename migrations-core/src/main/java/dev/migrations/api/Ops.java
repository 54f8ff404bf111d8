package dev.migrations.api;

import java.sql.Connection;

/**
 * What a migration can do to the database. The same calls run online against a connection or,
 * in offline mode, are written out as a SQL script.
 */
public interface Ops {

    /** Runs one SQL statement (no trailing semicolon needed). */
    void execute(String sql);

    /** Runs one statement with bind parameters; online only. */
    int update(String sql, Object... parameters);

    /**
     * The migration's own connection, inside the revision's transaction, for data migrations.
     * Do not commit, roll back or close it. Not available in offline mode.
     */
    Connection connection();

    /** The database product: {@code postgresql}, {@code sqlite}, {@code h2} or another lower-case name. */
    String database();

    /** True when statements are being written to a script instead of run. */
    boolean offline();
}
