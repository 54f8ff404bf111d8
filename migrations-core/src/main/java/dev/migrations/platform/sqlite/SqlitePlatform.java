package dev.migrations.platform.sqlite;

import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabaseLock;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.FailureKind;
import dev.migrations.platform.InMemoryScratch;
import dev.migrations.platform.RevisionSession;
import dev.migrations.platform.SafetyRules;
import dev.migrations.platform.SchemaInspector;
import dev.migrations.platform.ScratchSchema;
import dev.migrations.platform.SqlDialect;
import dev.migrations.platform.TableRebuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * SQLite 3.35+: transactional DDL, its write lock as the migration lock, changes ALTER TABLE cannot
 * make done by rebuilding the table, foreign keys checked before each commit. No sequences, no
 * schemas; timestamps are ISO-8601 text.
 */
public final class SqlitePlatform extends DatabasePlatform {

    static final String ID = "sqlite";

    private final SqliteSql sql = new SqliteSql();
    private final SqliteDdl ddl = new SqliteDdl(sql);
    private final SqliteSafety safety = new SqliteSafety(sql);
    private final SqliteRebuilder rebuilder = new SqliteRebuilder(ddl);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    public boolean serves(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("sqlite");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRANSACTIONAL_DDL, Capability.CROSS_PROCESS_LOCK, Capability.AUTOGENERATE);
    }

    @Override
    public SqlDialect sql() {
        return sql;
    }

    @Override
    public DdlRenderer ddl() {
        return ddl;
    }

    /** SQLITE_BUSY and SQLITE_LOCKED carry no SQLSTATE; the driver names them in the message. */
    static boolean busy(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("BUSY") || message.contains("locked");
    }

    @Override
    public FailureKind classify(SQLException e) {
        if (busy(e)) {
            return FailureKind.BUSY;
        }
        // SQLite reports every statement error as SQLITE_ERROR; only its message tells them apart
        return String.valueOf(e.getMessage()).contains("already exists")
                ? FailureKind.OBJECT_EXISTS
                : super.classify(e);
    }

    @Override
    public String createSchema(String schema) {
        return null;
    }

    @Override
    protected String historyIdColumn() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    protected String historyTimestampType() {
        return "TEXT";
    }

    @Override
    protected String historyBooleanType() {
        return "INTEGER";
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setString(index, instant.toString());
    }

    @Override
    public Instant readTimestamp(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    @Override
    public DatabaseLock lock(DatabaseLock.Request request) {
        return new SqliteWriteLock(request);
    }

    @Override
    public RevisionSession session(Connection connection, DdlSettings settings) {
        return new SqliteRevisionSession(connection);
    }

    @Override
    public TableRebuilder rebuilder() {
        return rebuilder;
    }

    @Override
    public SafetyRules safety() {
        return safety;
    }

    @Override
    public SchemaInspector inspector() {
        return new SqliteInspector();
    }

    @Override
    public ScratchSchema scratch() {
        return new InMemoryScratch(this, () -> "jdbc:sqlite::memory:");
    }
}
