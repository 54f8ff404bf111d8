package dev.migrations.platform.h2;

import dev.migrations.platform.Capability;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 2.x. Each DDL statement commits, so a failed revision can leave part of its DDL behind (the
 * error says so). An embedded H2 database belongs to one process, whose threads the engine keeps
 * apart; there is no lock across processes.
 */
public final class H2Platform extends DatabasePlatform {

    private static final Logger log = LoggerFactory.getLogger(H2Platform.class);
    private volatile boolean versionChecked;

    static final String ID = "h2";

    private final H2Sql sql = new H2Sql();
    private final H2Ddl ddl = new H2Ddl(sql);
    private final H2Safety safety = new H2Safety();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public boolean serves(String productName) {
        return productName.equalsIgnoreCase("h2");
    }

    /** A transaction's DDL holds H2's catalog (SYS) lock until it commits: one schema at a time. */
    @Override
    public boolean concurrentSchemaChanges() {
        return false;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEQUENCES, Capability.AUTOGENERATE);
    }

    @Override
    public SqlDialect sql() {
        return sql;
    }

    @Override
    public DdlRenderer ddl() {
        return ddl;
    }

    /** H2's own codes for a sequence or constraint that exists (tables and indexes use the standard ones). */
    @Override
    public FailureKind classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("90035") || state.equals("90045") ? FailureKind.OBJECT_EXISTS : super.classify(e);
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
    public RevisionSession session(Connection connection, DdlSettings settings) {
        if (!versionChecked) {
            versionChecked = true;
            try {
                String warning = versionWarning(connection.getMetaData().getDatabaseProductVersion());
                if (warning != null) {
                    log.warn(warning);
                }
            } catch (SQLException e) {
                log.debug("Cannot read the H2 version", e);
            }
        }
        return new H2RevisionSession(connection);
    }

    /**
     * Why this H2 version is unsafe to migrate with, or null. H2 2.4.240 (the version Spring Boot
     * 4.1 manages) evaluates an {@code IN} check, including the discriminator and enum checks
     * Hibernate maps, through the connection that created it; once that connection closes, every
     * insert fails with "Check constraint invalid". 2.5.250 fixed it.
     */
    static String versionWarning(String productVersion) {
        if (productVersion == null || !productVersion.startsWith("2.4.")) {
            return null;
        }
        return "H2 " + productVersion.split(" ")[0] + " breaks CHECK constraints with IN lists once the connection"
                + " that created them closes (h2database/h2database#4302): inserts then fail with"
                + " \"Check constraint invalid\". Use H2 2.5.250 or later (<h2.version>2.5.252</h2.version>).";
    }

    @Override
    public SafetyRules safety() {
        return safety;
    }

    @Override
    public SchemaInspector inspector() {
        return new H2Inspector();
    }

    @Override
    public ScratchSchema scratch() {
        return new InMemoryScratch(
                this,
                () -> "jdbc:h2:mem:scratch_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=0");
    }
}
