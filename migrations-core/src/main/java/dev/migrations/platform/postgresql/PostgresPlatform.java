package dev.migrations.platform.postgresql;

import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabaseLock;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.FailureKind;
import dev.migrations.platform.RevisionSession;
import dev.migrations.platform.SafetyRules;
import dev.migrations.platform.SchemaInspector;
import dev.migrations.platform.ScratchSchema;
import dev.migrations.platform.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL 13+: transactional DDL, a session advisory lock that dies with its connection,
 * {@code lock_timeout} on every DDL statement, concurrent index builds that never leave an INVALID
 * index behind, and a catalog read in five queries.
 */
public final class PostgresPlatform extends DatabasePlatform {

    static final String ID = "postgresql";

    /** SQLSTATE lock_not_available: {@code lock_timeout} expired. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final PostgresSql sql = new PostgresSql();
    private final PostgresDdl ddl = new PostgresDdl(sql);
    private final PostgresSafety safety = new PostgresSafety(sql);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public boolean serves(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("postgres");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public SqlDialect sql() {
        return sql;
    }

    @Override
    public DdlRenderer ddl() {
        return ddl;
    }

    /** Class 08 and 57P01-57P03 (the server ended the session) lose the connection. */
    @Override
    public FailureKind classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("57P0")) {
            return FailureKind.CONNECTION_LOST;
        }
        if (state.equals("42P07") || state.equals("42710")) { // duplicate_table, duplicate_object
            return FailureKind.OBJECT_EXISTS;
        }
        return LOCK_NOT_AVAILABLE.equals(state) ? FailureKind.LOCK_TIMEOUT : super.classify(e);
    }

    @Override
    public String lockHoldersHint() {
        return "find it in pg_stat_activity (pg_blocking_pids(<pid>) names the blockers)";
    }

    @Override
    protected String historyTimestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    }

    @Override
    public Instant readTimestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public DatabaseLock lock(DatabaseLock.Request request) {
        return new AdvisoryLock(request);
    }

    @Override
    public RevisionSession session(Connection connection, DdlSettings settings) {
        return new PostgresRevisionSession(connection, settings);
    }

    @Override
    public SafetyRules safety() {
        return safety;
    }

    @Override
    public SchemaInspector inspector() {
        return new PostgresInspector();
    }

    @Override
    public ScratchSchema scratch() {
        return new TemporarySchema(ddl);
    }
}
