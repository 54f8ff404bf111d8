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
import java.util.Set;

/**
 * What every command works with: the settings, the scripts and their graph, the listeners, and the
 * way to a connection and its platform. Each command takes its own connection.
 */
final class Engine {

    private final EngineSettings settings;
    private final ScriptDirectory scripts;
    private final MigrationListeners listeners;

    public Engine(EngineSettings settings) {
        this.settings = settings;
        this.listeners = new MigrationListeners(settings.listeners());
        this.scripts = ScriptDirectory.load(settings.locations(), settings.extraScripts(), settings.classLoader());
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
            return work.apply(connection);
        } catch (SQLException e) {
            throw new MigrationsException(
                    "Database error: " + ConnectionFailures.sentence(e.getMessage())
                            + " Check that the database is reachable and the migration user may read and write it.",
                    e);
        }
    }
}
