package dev.migrations.platform.sqlite;

import dev.migrations.api.MigrationsException;
import dev.migrations.platform.RevisionSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign-key enforcement off around a SQLite revision (a rebuild's DROP TABLE would otherwise
 * cascade to referencing rows) and every key checked before the commit, so neither a rebuild nor
 * the revision's own data can break one. SQLite ignores the pragma inside a transaction, so it is
 * set before the transaction begins.
 */
final class SqliteRevisionSession implements RevisionSession {

    private final Connection connection;
    private boolean foreignKeysWereOn;

    SqliteRevisionSession(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void beforeTransaction() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
            foreignKeysWereOn = rs.next() && rs.getInt(1) == 1;
        }
        if (foreignKeysWereOn) {
            run("PRAGMA foreign_keys = OFF");
        }
    }

    @Override
    public void beforeCommit() throws SQLException {
        if (!foreignKeysWereOn) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next() && problems.size() < 5) {
                problems.add("row " + rs.getLong("rowid") + " of " + rs.getString("table") + " references a"
                        + " missing row of " + rs.getString("parent"));
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationsException("At the end of the revision, foreign keys are broken: "
                    + String.join("; ", problems) + ". Nothing was changed; fix the data or the migration.");
        }
    }

    @Override
    public void close() throws SQLException {
        if (foreignKeysWereOn) {
            run("PRAGMA foreign_keys = ON");
        }
    }

    private void run(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
