package dev.migrations.platform.mysql;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL 8.0+ and MariaDB 10.6+, one platform: the two agree on everything the engine writes, and
 * where their catalogs differ ({@link Flavour}) the differing part asks which one it talks to.
 * Every DDL statement commits on its own, so a revision is not atomic: the engine journals its
 * completed statements and resumes after them. The migration lock is a {@code GET_LOCK} named lock
 * on the migrating session, which dies with its connection; each DDL statement waits at most
 * {@code lock_wait_timeout} for its metadata lock. The version and history tables live in the
 * connection's own database (a schema is a database here).
 */
public class MysqlPlatform extends DatabasePlatform {

    static final String ID = "mysql";
    static final String MARIADB = "mariadb";

    private final MysqlSql sql = new MysqlSql();
    private final MysqlDdl ddl;
    private final MysqlSafety safety = new MysqlSafety();

    public MysqlPlatform() {
        this(false);
    }

    /** @param mariadb whether this serves MariaDB, whose DDL differs in its types only (a native UUID) */
    MysqlPlatform(boolean mariadb) {
        this.ddl = new MysqlDdl(sql, mariadb ? MARIADB : ID, mariadb);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "MySQL";
    }

    /** MySQL, and MariaDB when named by id: the syntax both accept. */
    @Override
    public boolean serves(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        return p.contains(ID) || p.contains(MARIADB);
    }

    /** No transactional DDL; no sequences on MySQL (MariaDB has them, but one platform serves both). */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.CROSS_PROCESS_LOCK, Capability.AUTOGENERATE);
    }

    @Override
    public SqlDialect sql() {
        return sql;
    }

    @Override
    public DdlRenderer ddl() {
        return ddl;
    }

    /**
     * By error code: the SQLSTATEs are shared by unrelated errors (HY000, 42000). Lost: 2006/2013
     * (server gone, lost during query), 1927 (MariaDB: connection killed), 1053 (shutdown).
     */
    @Override
    public FailureKind classify(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1205 -> FailureKind.LOCK_TIMEOUT; // lock_wait_timeout: metadata or row lock
            case 2006, 2013, 1927, 1053 -> FailureKind.CONNECTION_LOST;
            case 1050, 1060, 1061, 1826, 3822, 4031 -> FailureKind.OBJECT_EXISTS; // table, column, key, FK, check
            default -> super.classify(e);
        };
    }

    @Override
    public String lockHoldersHint() {
        return "find it with SHOW PROCESSLIST (a DDL statement waits in 'Waiting for table metadata lock';"
                + " the session with the oldest open transaction on that table holds it)";
    }

    @Override
    public boolean schemasAreCatalogs() {
        return true;
    }

    /** The schema is a database here. */
    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + sql.quote(schema);
    }

    @Override
    protected String historyIdColumn() {
        return "BIGINT AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    protected String historyTimestampType() {
        return "DATETIME(6)";
    }

    /** DATETIME keeps no zone: the engine writes and reads UTC, whatever the JVM's or the session's zone. */
    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant readTimestamp(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** DATETIME(6) reads {@code 2026-12-06 08:18:33.556344}, not ISO-8601 with a zone. */
    @Override
    public String timestampLiteral(Instant instant) {
        return sql.literal(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                .toString()
                .replace('T', ' '));
    }

    @Override
    public DatabaseLock lock(DatabaseLock.Request request) {
        return new NamedLock(request);
    }

    @Override
    public RevisionSession session(Connection connection, DdlSettings settings) {
        return new MysqlRevisionSession(connection, settings);
    }

    @Override
    public SafetyRules safety() {
        return safety;
    }

    @Override
    public SchemaInspector inspector() {
        return new MysqlInspector();
    }

    @Override
    public ScratchSchema scratch() {
        return new ScratchDatabase(this, sql);
    }
}
