package dev.migrations.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one database does for the engine, in one place (Alembic's per-dialect {@code
 * DefaultImpl}, Flyway's {@code Database}): names and literals, DDL, the engine's own tables, the
 * migration lock, the session set-up around a revision, what its errors mean, and for autogenerate
 * its catalog inspector and scratch schema. The rest of the engine asks the platform and never which
 * database it is. Each database has a package of its own under {@code dev.migrations.platform};
 * {@link Platforms} lists them.
 */
public abstract class DatabasePlatform {

    /** The id used in {@code executeOn}, {@code {vendor}} locations and offline SQL: {@code postgresql}. */
    public abstract String id();

    /** The name people know it by: {@code PostgreSQL}. */
    public abstract String displayName();

    /** Whether this platform serves the database a connection reports ({@code DatabaseMetaData}). */
    public abstract boolean serves(String productName);

    /**
     * Whether this platform serves a connection's database, from its product name and server
     * version; the name alone decides unless a platform knows better.
     */
    public boolean serves(String productName, String productVersion) {
        return serves(productName);
    }

    public abstract Set<Capability> capabilities();

    public final boolean has(Capability capability) {
        return capabilities().contains(capability);
    }

    /** What this database cannot do that others can, for messages; empty when nothing is missing. */
    public final String limitations() {
        Set<Capability> missing = EnumSet.allOf(Capability.class);
        missing.removeAll(capabilities());
        missing.remove(Capability.FAILED_STATEMENT_ABORTS_TRANSACTION);
        return missing.stream().map(Capability::description).collect(Collectors.joining(", "));
    }

    public abstract SqlDialect sql();

    public abstract DdlRenderer ddl();

    /** How this database's errors read to the engine. */
    public FailureKind classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return FailureKind.CONNECTION_LOST;
        }
        if ("42S01".equals(state) || "42S11".equals(state)) { // standard SQL: table, index already exists
            return FailureKind.OBJECT_EXISTS;
        }
        return "25001".equals(state) ? FailureKind.NEEDS_AUTOCOMMIT : FailureKind.OTHER;
    }

    /** Where an operator finds the session that holds a lock a statement waits for. */
    public String lockHoldersHint() {
        return "find the session that holds it";
    }

    /** The kind of the first classified SQL error in {@code e}'s causes; {@code OTHER} when there is none. */
    public final FailureKind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                FailureKind kind = classify(sql);
                if (kind != FailureKind.OTHER) {
                    return kind;
                }
            }
        }
        return FailureKind.OTHER;
    }

    // ---------------------------------------------------------------- schemas

    /**
     * Whether what the engine calls a schema is a JDBC catalog here: MySQL's databases, which its
     * drivers switch with {@code setCatalog} while {@code setSchema} does nothing at all.
     */
    public boolean schemasAreCatalogs() {
        return false;
    }

    /** The schema unqualified names resolve in on this connection. */
    public String currentSchema(Connection connection) throws SQLException {
        return schemasAreCatalogs() ? connection.getCatalog() : connection.getSchema();
    }

    /** Makes {@code schema} the one unqualified names resolve in; fails when it does not exist. */
    public void enterSchema(Connection connection, String schema) throws SQLException {
        if (schemasAreCatalogs()) {
            connection.setCatalog(schema);
        } else {
            connection.setSchema(schema);
        }
    }

    // ---------------------------------------------------------------- the engine's own tables

    /** {@code CREATE SCHEMA} for the version and history tables, or null where schemas do not exist. */
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + sql().quote(schema);
    }

    public String createVersionTable(String qualifiedName, String primaryKeyName) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
                + sql().quote(primaryKeyName) + " PRIMARY KEY (version_num))";
    }

    public String createHistoryTable(String qualifiedName) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (id " + historyIdColumn()
                + ", revision VARCHAR(32) NOT NULL, down_revisions VARCHAR(1000), direction VARCHAR(16) NOT NULL,"
                + " message VARCHAR(500), checksum VARCHAR(64), applied_at " + historyTimestampType() + " NOT NULL,"
                + " execution_ms BIGINT NOT NULL, applied_by VARCHAR(128), success " + historyBooleanType()
                + " NOT NULL, error VARCHAR(4000), statements_done INTEGER, statements_checksum VARCHAR(64))";
    }

    protected String historyIdColumn() {
        return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    }

    protected String historyTimestampType() {
        return "TIMESTAMP";
    }

    protected String historyBooleanType() {
        return "BOOLEAN";
    }

    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setTimestamp(index, Timestamp.from(instant));
    }

    public Instant readTimestamp(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** An instant as a literal of the history table's timestamp type, for offline scripts. */
    public String timestampLiteral(Instant instant) {
        return sql().literal(instant.toString());
    }

    // ---------------------------------------------------------------- running revisions

    private static final java.util.regex.Pattern DDL = java.util.regex.Pattern.compile(
            "(?:\\s+|--[^\\n]*\\n|/\\*.*?\\*/)*(CREATE|ALTER|DROP|RENAME|TRUNCATE|COMMENT\\s+ON|GRANT|REVOKE)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    /**
     * Whether {@code sql} commits by itself, whatever transaction is open: DDL on a database without
     * transactional DDL. Once it has run, it and everything before it in the revision stay applied,
     * which the engine's statement journal records.
     */
    public boolean commitsImplicitly(String sql) {
        return !has(Capability.TRANSACTIONAL_DDL) && DDL.matcher(sql).lookingAt();
    }

    /** The database's part of the migration lock; none by default. */
    public DatabaseLock lock(DatabaseLock.Request request) {
        return DatabaseLock.NONE;
    }

    /** The set-up and checks around one revision run on {@code connection}. */
    public RevisionSession session(Connection connection, DdlSettings settings) {
        return new RevisionSession() {};
    }

    /**
     * Whether revisions may run in several schemas of one database at once (schema-per-tenant
     * fan-out); where DDL in one transaction locks the whole catalog, tenants go one at a time.
     */
    public boolean concurrentSchemaChanges() {
        return true;
    }

    /** Rebuilds for changes ALTER TABLE cannot make, or null when ALTER TABLE makes them all. */
    public TableRebuilder rebuilder() {
        return null;
    }

    // ---------------------------------------------------------------- lint

    /** What this database does when a change runs (locks, rewrites, its own lint rules); nothing known by default. */
    public SafetyRules safety() {
        return SafetyRules.NONE;
    }

    // ---------------------------------------------------------------- autogenerate

    /** Reads the catalog; only where {@link Capability#AUTOGENERATE} is present. */
    public SchemaInspector inspector() {
        throw unsupported("read its catalog for autogenerate and check");
    }

    public ScratchSchema scratch() {
        throw unsupported("build a scratch schema for autogenerate and check");
    }

    /** The error for something this database cannot do here, naming what it can. */
    protected final UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("The engine cannot " + what + " on " + displayName()
                + (limitations().isEmpty() ? "." : ": it has no " + limitations() + " here.")
                + " Supported with everything: " + Platforms.fullySupported() + ".");
    }

    @Override
    public String toString() {
        return displayName();
    }
}
