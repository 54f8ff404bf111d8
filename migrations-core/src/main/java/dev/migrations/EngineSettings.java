package dev.migrations;

import dev.migrations.api.DeadHolderPolicy;
import dev.migrations.api.MigrationListener;
import dev.migrations.api.ScriptFormat;
import dev.migrations.internal.script.Location;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.lint.LintSettings;
import dev.migrations.platform.DdlSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The engine's settings as {@code load()} found them: an immutable copy, so a loaded engine never
 * reads a builder its caller can still change.
 *
 * @param platformId the database for offline SQL without a DataSource, or null to ask the connection
 */
record EngineSettings(
        DataSource dataSource,
        String platformId,
        List<Location> locations,
        List<MigrationScript> extraScripts,
        String versionTable,
        String historyTable,
        String schema,
        Duration lockWaitTimeout,
        DeadHolderPolicy deadHolder,
        DdlSettings ddl,
        boolean validateChecksums,
        ClassLoader classLoader,
        GeneratedFiles generated,
        List<MigrationListener> listeners,
        LintSettings lint) {

    public EngineSettings {
        lint = lint == null ? LintSettings.DEFAULTS : lint;
        locations = List.copyOf(locations);
        extraScripts = List.copyOf(extraScripts);
        listeners = List.copyOf(listeners);
    }

    /** These settings for one tenant: its DataSource and the schema of its version and history tables. */
    EngineSettings forTenant(DataSource tenantDataSource, String tenantSchema) {
        return new EngineSettings(
                tenantDataSource,
                platformId,
                locations,
                extraScripts,
                versionTable,
                historyTable,
                tenantSchema,
                lockWaitTimeout,
                deadHolder,
                ddl,
                validateChecksums,
                classLoader,
                generated,
                listeners,
                lint);
    }

    /** Where and how {@code revision} and {@code merge} write files. */
    public record GeneratedFiles(
            Path sourceDirectory, Path sqlDirectory, String packageName, ScriptFormat format, String fileTemplate) {}
}
