package dev.migrations.internal.runtime;

import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.HeadMaintainer;
import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabasePlatform;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes the two bookkeeping tables: {@code migrations_version} (one row per current
 * head, Alembic's semantics) and {@code migrations_history} (an append-only audit of every step).
 * Every value is bound as a parameter; table names are quoted.
 */
public final class VersionStore {

    private final DatabasePlatform platform;
    private final String schema;
    private final String versionTableName;
    private final String historyTableName;
    private final String versionTable;
    private final String historyTable;

    public VersionStore(DatabasePlatform platform, String schema, String versionTable, String historyTable) {
        this.platform = platform;
        this.schema = schema == null || schema.isBlank() ? null : schema;
        this.versionTableName = versionTable;
        this.historyTableName = historyTable;
        this.versionTable = platform.sql().qualified(this.schema, versionTable);
        this.historyTable = platform.sql().qualified(this.schema, historyTable);
    }

    public DatabasePlatform platform() {
        return platform;
    }

    public String versionTable() {
        return versionTable;
    }

    public String historyTable() {
        return historyTable;
    }

    /** The DDL that creates both tables (and the schema), for online use and offline scripts. */
    public List<String> createStatements() {
        List<String> ddl = new ArrayList<>();
        if (schema != null && platform.createSchema(schema) != null) {
            ddl.add(platform.createSchema(schema));
        }
        ddl.add(platform.createVersionTable(versionTable, versionTableName + "_pkc"));
        ddl.add(platform.createHistoryTable(historyTable));
        return ddl;
    }

    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : createStatements()) {
                statement.execute(sql);
            }
        }
        addJournalColumns(connection);
    }

    /** A history table made before the statement journal gets its two columns (one probe query otherwise). */
    private void addJournalColumns(Connection connection) throws SQLException {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT statements_done, statements_checksum FROM " + historyTable + " WHERE 1 = 0")
                    .close();
            return;
        } catch (SQLException missing) {
            // an older history table: add the columns below
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + historyTable + " ADD COLUMN statements_done INTEGER");
            statement.execute("ALTER TABLE " + historyTable + " ADD COLUMN statements_checksum VARCHAR(64)");
        }
    }

    /**
     * The current heads, or an empty list when the table does not exist yet. One query in the
     * normal case: existence is checked only when that query fails.
     */
    public List<String> heads(Connection connection) throws SQLException {
        return heads(connection, true);
    }

    private List<String> heads(Connection connection, boolean firstTry) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version_num FROM " + versionTable)) {
            List<String> heads = new ArrayList<>();
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
            return heads;
        } catch (SQLException e) {
            if (!autoCommit && platform.has(Capability.FAILED_STATEMENT_ABORTS_TRANSACTION)) {
                throw e; // a failed read inside a transaction poisons it; callers create tables first
            }
            if (!tableExists(connection, versionTableName)) {
                return List.of();
            }
            if (firstTry) {
                return heads(connection, false); // another process created the table after our read
            }
            throw e;
        }
    }

    private boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // Without a configured schema, the connection's own: a null pattern would match the table in any
        // schema, so a new schema-per-tenant database would see another tenant's version table.
        String in = schema != null ? schema : platform.currentSchema(connection);
        // where a schema is a catalog (MySQL's databases), ask for that catalog, else any catalog's
        // table of that schema counts
        boolean catalogs = platform.schemasAreCatalogs();
        String catalog = catalogs ? in : in == null ? connection.getCatalog() : null;
        String schemaPattern = catalogs ? null : in;
        for (String candidate : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(catalog, schemaPattern, candidate, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes one version-table change, with Alembic's guard that an update or delete hits one row. */
    public void apply(Connection connection, HeadMaintainer.Change change) throws SQLException {
        if (change instanceof HeadMaintainer.Insert insert) {
            update(connection, "INSERT INTO " + versionTable + " (version_num) VALUES (?)", insert.version());
        } else if (change instanceof HeadMaintainer.Update update) {
            int rows = update(
                    connection,
                    "UPDATE " + versionTable + " SET version_num = ? WHERE version_num = ?",
                    update.to(),
                    update.from());
            if (rows != 1) {
                throw new MigrationsException("Online migration expected to match one row when updating '"
                        + update.from() + "' to '" + update.to() + "' in " + versionTable + "; " + rows
                        + " found. Another process changed the version table; run the command again.");
            }
        } else {
            HeadMaintainer.Delete delete = (HeadMaintainer.Delete) change;
            int rows = update(connection, "DELETE FROM " + versionTable + " WHERE version_num = ?", delete.version());
            if (rows != 1) {
                throw new MigrationsException("Online migration expected to match one row when deleting '"
                        + delete.version() + "' in " + versionTable + "; " + rows + " found.");
            }
        }
    }

    /** The SQL of one change with literals inlined, for offline scripts. */
    public String render(HeadMaintainer.Change change) {
        if (change instanceof HeadMaintainer.Insert insert) {
            return "INSERT INTO " + versionTable + " (version_num) VALUES ("
                    + platform.sql().literal(insert.version()) + ")";
        } else if (change instanceof HeadMaintainer.Update update) {
            return "UPDATE " + versionTable + " SET version_num = "
                    + platform.sql().literal(update.to()) + " WHERE version_num = "
                    + platform.sql().literal(update.from());
        }
        return "DELETE FROM " + versionTable + " WHERE version_num = "
                + platform.sql().literal(((HeadMaintainer.Delete) change).version());
    }

    public void purge(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + versionTable);
        }
    }

    private static int update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- history

    private static final String HISTORY_COLUMNS = "revision, down_revisions, direction, message, checksum,"
            + " applied_at, execution_ms, applied_by, success, error";

    public void record(Connection connection, HistoryRecord r) throws SQLException {
        insert(connection, r, false, null);
    }

    /** Inserts the journal row of a revision run: {@code r.statementsDone()} statements done; returns its id. */
    long startJournal(Connection connection, HistoryRecord r, String statementsChecksum) throws SQLException {
        return insert(connection, r, true, statementsChecksum);
    }

    private long insert(Connection connection, HistoryRecord r, boolean journal, String statementsChecksum)
            throws SQLException {
        try (PreparedStatement s = journal
                ? connection.prepareStatement(
                        "INSERT INTO " + historyTable + " (" + HISTORY_COLUMNS
                                + ", statements_done, statements_checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"id"})
                : connection.prepareStatement("INSERT INTO " + historyTable + " (" + HISTORY_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.revision());
            s.setString(2, String.join(",", r.downRevisions()));
            s.setString(3, r.direction().sqlName());
            s.setString(4, truncate(r.message(), 500));
            s.setString(5, r.checksum());
            platform.bindTimestamp(s, 6, r.appliedAt());
            s.setLong(7, r.executionMillis());
            s.setString(8, truncate(r.appliedBy(), 128));
            s.setBoolean(9, r.success());
            s.setString(10, truncate(r.error(), 4000));
            if (!journal) {
                s.executeUpdate();
                return 0;
            }
            s.setInt(11, r.statementsDone());
            s.setString(12, statementsChecksum);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No id came back for the journal row of " + r.revision());
                }
                return keys.getLong(1);
            }
        }
    }

    /** Brings a journal row up to date after another statement committed. */
    void journal(Connection connection, long id, int statementsDone, String checksum) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE " + historyTable + " SET statements_done = ?, statements_checksum = ? WHERE id = ?")) {
            s.setInt(1, statementsDone);
            s.setString(2, checksum);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Ends a journal row: how the run went, as {@code r} says. */
    void finish(Connection connection, long id, HistoryRecord r, String checksum) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE " + historyTable + " SET execution_ms = ?,"
                + " success = ?, error = ?, statements_done = ?, statements_checksum = ? WHERE id = ?")) {
            s.setLong(1, r.executionMillis());
            s.setBoolean(2, r.success());
            s.setString(3, truncate(r.error(), 4000));
            s.setInt(4, r.statementsDone());
            s.setString(5, checksum);
            s.setLong(6, id);
            s.executeUpdate();
        }
    }

    /**
     * The partly applied revisions: failed runs that journaled completed statements, with no later
     * row for the same revision and no later stamp (a stamp after undoing them by hand starts over).
     */
    java.util.Map<String, StatementJournal.Resume> partlyApplied(Connection connection) throws SQLException {
        java.util.Map<String, StatementJournal.Resume> out = new java.util.HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT h.id, h.revision, h.direction, h.statements_done,"
                        + " h.statements_checksum, h.error FROM " + historyTable + " h WHERE h.success = "
                        + platform.sql().booleanLiteral(false) + " AND (h.statements_done > 0 OR h.error = '"
                        + StatementJournal.RUNNING + "') AND NOT EXISTS (SELECT 1"
                        + " FROM " + historyTable + " l WHERE l.id > h.id AND (l.revision = h.revision OR"
                        + " l.direction = 'stamp'))")) {
            while (rs.next()) {
                out.put(
                        rs.getString(3) + ":" + rs.getString(2),
                        new StatementJournal.Resume(
                                rs.getLong(1),
                                rs.getInt(4),
                                rs.getString(5),
                                StatementJournal.RUNNING.equals(rs.getString(6))));
            }
        }
        return out;
    }

    /** The INSERT of one history row with literals inlined, for offline scripts. */
    public String render(HistoryRecord r) {
        return "INSERT INTO " + historyTable + " (" + HISTORY_COLUMNS + ") VALUES ("
                + platform.sql().literal(r.revision())
                + ", " + platform.sql().literal(String.join(",", r.downRevisions())) + ", "
                + platform.sql().literal(r.direction().sqlName()) + ", "
                + platform.sql().literal(truncate(r.message(), 500)) + ", "
                + platform.sql().literal(r.checksum()) + ", "
                + platform.timestampLiteral(r.appliedAt()) + ", 0, "
                + platform.sql().literal(r.appliedBy()) + ", " + platform.sql().booleanLiteral(true) + ", NULL)";
    }

    /** Every history row, oldest first; empty when the table does not exist yet. */
    public List<HistoryRecord> history(Connection connection) throws SQLException {
        return history(connection, "statements_done");
    }

    /** @param journal the journal column, or {@code 0} for a table made before it that no run has upgraded yet */
    private List<HistoryRecord> history(Connection connection, String journal) throws SQLException {
        List<HistoryRecord> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, " + HISTORY_COLUMNS + ", " + journal
                        + " AS statements_done FROM " + historyTable + " ORDER BY id")) {
            while (rs.next()) {
                String down = rs.getString("down_revisions");
                rows.add(new HistoryRecord(
                        rs.getLong("id"),
                        rs.getString("revision"),
                        down == null || down.isEmpty() ? List.of() : Arrays.asList(down.split(",")),
                        HistoryRecord.Direction.of(rs.getString("direction")),
                        rs.getString("message"),
                        rs.getString("checksum"),
                        platform.readTimestamp(rs, "applied_at"),
                        rs.getLong("execution_ms"),
                        rs.getString("applied_by"),
                        rs.getBoolean("success"),
                        rs.getString("error"),
                        rs.getInt("statements_done")));
            }
        } catch (SQLException e) {
            if (connection.getAutoCommit() && !tableExists(connection, historyTableName)) {
                return List.of();
            }
            if (connection.getAutoCommit() && !journal.equals("0")) {
                try {
                    return history(connection, "0");
                } catch (SQLException older) {
                    e.addSuppressed(older);
                }
            }
            throw e;
        }
        return rows;
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
