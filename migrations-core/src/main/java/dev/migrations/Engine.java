package dev.migrations;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.MigrationPlanner;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.StampPlanner;
import dev.migrations.internal.runtime.ConnectionFailures;
import dev.migrations.internal.runtime.MigrationListeners;
import dev.migrations.internal.runtime.VersionStore;
import dev.migrations.internal.script.ScriptDirectory;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.Platforms;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What every command works with: the settings, the scripts and their graph, the listeners, and the
 * way to a connection and its platform. Each command takes its own connection.
 */
final class Engine {

    private final EngineSettings settings;
    private final ScriptDirectory scripts;
    private final MigrationListeners listeners;
    private final String sessionSchema;

    public Engine(EngineSettings settings) {
        this.settings = settings;
        this.listeners = new MigrationListeners(settings.listeners());
        this.scripts = ScriptDirectory.load(settings.locations(), settings.extraScripts(), settings.classLoader());
        this.sessionSchema = null;
    }

    private Engine(EngineSettings settings, ScriptDirectory scripts, MigrationListeners listeners, String schema) {
        this.settings = settings;
        this.scripts = scripts;
        this.listeners = listeners;
        this.sessionSchema = schema;
    }

    /**
     * The same scripts and listeners for one tenant: its own DataSource or schema, its version and
     * history tables there, and its schema entered on every connection so that unqualified names in
     * revisions land in it.
     */
    Engine forTenant(Tenant tenant) {
        DataSource dataSource = tenant.dataSource() != null ? tenant.dataSource() : settings.dataSource();
        String schema = tenant.schema() != null ? tenant.schema() : settings.schema();
        return new Engine(settings.forTenant(dataSource, schema), scripts, listeners, tenant.schema());
    }

    public EngineSettings settings() {
        return settings;
    }

    public ScriptDirectory scripts() {
        return scripts;
    }

    public RevisionGraph graph() {
        return scripts.graph();
    }

    public MigrationPlanner planner() {
        return scripts.planner();
    }

    StampPlanner stamps() {
        return new StampPlanner(scripts.graph());
    }

    MigrationListeners listeners() {
        return listeners;
    }

    /** The engine's own tables, never part of a schema comparison. */
    Set<String> ownTables() {
        return Set.of(settings.versionTable(), settings.historyTable());
    }

    DatabasePlatform platform(Connection connection) throws SQLException {
        return settings.platformId() != null ? Platforms.named(settings.platformId()) : Platforms.detect(connection);
    }

    /** The platform for offline SQL: the configured one, else the DataSource's. */
    DatabasePlatform offlinePlatform() {
        return settings.platformId() != null ? Platforms.named(settings.platformId()) : withConnection(this::platform);
    }

    VersionStore store(Connection connection) throws SQLException {
        return store(platform(connection));
    }

    VersionStore store(DatabasePlatform platform) {
        return new VersionStore(platform, settings.schema(), settings.versionTable(), settings.historyTable());
    }

    @FunctionalInterface
    interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    <T> T withConnection(ConnectionWork<T> work) {
        if (settings.dataSource() == null) {
            throw new MigrationsException(
                    "No DataSource configured: call dataSource(...) (offline SQL needs" + " dialect(...) instead).");
        }
        Connection connection;
        try {
            connection = settings.dataSource().getConnection();
        } catch (SQLException e) {
            throw ConnectionFailures.of(e);
        }
        try (connection) {
            if (sessionSchema == null) {
                return work.apply(connection);
            }
            DatabasePlatform platform = platform(connection);
            String previous = platform.currentSchema(connection);
            enterSchema(platform, connection);
            try {
                return work.apply(connection);
            } finally {
                restoreSchema(platform, connection, previous);
            }
        } catch (SQLException e) {
            throw new MigrationsException(
                    "Database error: " + ConnectionFailures.sentence(e.getMessage())
                            + " Check that the database is reachable and the migration user may read and write it.",
                    e);
        }
    }

    /**
     * A tenant's schema for unqualified names. One that does not exist yet is left for {@link
     * #createTenantSchema}: reading creates nothing, and the engine's own tables are always qualified.
     */
    private void enterSchema(DatabasePlatform platform, Connection connection) {
        try {
            platform.enterSchema(connection, sessionSchema);
        } catch (SQLException notThereYet) {
            // created before the first write, then entered
        }
    }

    /**
     * Creates the tenant's schema before the migration lock is taken, so every process computes the
     * lock of a schema that exists. Another process creating it at the same moment is no error.
     */
    void createTenantSchema(Connection connection) throws SQLException {
        if (sessionSchema == null) {
            return;
        }
        DatabasePlatform platform = platform(connection);
        String ddl = platform.createSchema(sessionSchema);
        if (ddl != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException createdByAnother) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        }
        platform.enterSchema(connection, sessionSchema);
    }

    private static void restoreSchema(DatabasePlatform platform, Connection connection, String previous) {
        try {
            platform.enterSchema(connection, previous);
        } catch (SQLException e) {
            // a broken connection is closed next anyway; the work's own outcome matters more
        }
    }
}
