package dev.migrations;

import dev.migrations.api.DeadHolderPolicy;
import dev.migrations.api.Migration;
import dev.migrations.api.MigrationListener;
import dev.migrations.api.ScriptFormat;
import dev.migrations.internal.script.JavaMigrationScript;
import dev.migrations.internal.script.Location;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.lint.LintSettings;
import dev.migrations.platform.DdlSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fluent settings for {@link Migrations}; every setting has the default DESIGN.md gives.
 * <pre>
 * Migrations migrations = Migrations.configure()
 *         .dataSource(ds)
 *         .locations("classpath:db/migrations")
 *         .load();
 * migrations.upgrade("heads");
 * </pre>
 */
public final class MigrationsConfiguration {

    DataSource dataSource;
    String dialect;
    List<Location> locations = List.of(Location.parse("classpath:db/migrations"));
    String versionTable = "migrations_version";
    String historyTable = "migrations_history";
    String schema;
    Duration lockWaitTimeout = Duration.ofMinutes(2);
    DeadHolderPolicy deadHolder = DeadHolderPolicy.WAIT;
    Duration ddlLockTimeout = DdlSettings.DEFAULT.lockTimeout();
    int ddlLockRetries = DdlSettings.DEFAULT.lockRetries();
    boolean ddlOnlineDefaults = DdlSettings.DEFAULT.onlineDefaults();
    boolean validateChecksums = true;
    ClassLoader classLoader = Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader()
            : Migrations.class.getClassLoader();
    Path generatedSourceDirectory = Path.of("src/main/java");
    Path generatedSqlDirectory = Path.of("src/main/resources/db/migrations");
    String generatedPackage = "db.migrations";
    ScriptFormat generatedFormat = ScriptFormat.JAVA;
    String fileTemplate = "{year}{month}{day}_{hour}{minute}_{rev}_{slug}";
    final List<MigrationScript> extraScripts = new ArrayList<>();
    final List<MigrationListener> listeners = new ArrayList<>();
    LintSettings lint = LintSettings.DEFAULTS;
    MigrationsTenants tenants;
    int tenantParallelism = TenantSettings.DEFAULT_PARALLELISM;
    boolean tenantFailFast;

    MigrationsConfiguration() {}

    /** The DataSource set so far, for customizers that need to know which database they configure. */
    public DataSource dataSource() {
        return dataSource;
    }

    public MigrationsConfiguration dataSource(DataSource dataSource) {
        this.dataSource = dataSource;
        return this;
    }

    /** The database for offline SQL without a DataSource: {@code postgresql}, {@code sqlite}, {@code h2}. */
    public MigrationsConfiguration dialect(String dialect) {
        this.dialect = dialect;
        return this;
    }

    public MigrationsConfiguration locations(String... locations) {
        List<Location> parsed = new ArrayList<>();
        for (String location : locations) {
            parsed.add(Location.parse(location));
        }
        this.locations = List.copyOf(parsed);
        return this;
    }

    /**
     * Migration objects to add to those found in {@link #locations}, each class annotated with
     * {@code @Revision}: for migrations that need constructor arguments (Spring beans, say).
     */
    public MigrationsConfiguration javaMigrations(Migration... migrations) {
        for (Migration m : migrations) {
            extraScripts.add(JavaMigrationScript.of(m));
        }
        return this;
    }

    /** Revisions built in code, added to those found in {@link #locations}. */
    public MigrationsConfiguration scripts(MigrationScript... scripts) {
        extraScripts.addAll(List.of(scripts));
        return this;
    }

    public MigrationsConfiguration versionTable(String versionTable) {
        this.versionTable = Objects.requireNonNull(versionTable);
        return this;
    }

    public MigrationsConfiguration historyTable(String historyTable) {
        this.historyTable = Objects.requireNonNull(historyTable);
        return this;
    }

    /** The schema of the version and history tables; the connection's default when unset. */
    public MigrationsConfiguration schema(String schema) {
        this.schema = schema;
        return this;
    }

    public MigrationsConfiguration lockWaitTimeout(Duration lockWaitTimeout) {
        this.lockWaitTimeout = Objects.requireNonNull(lockWaitTimeout);
        return this;
    }

    /**
     * What to do when the PostgreSQL lock holder is the session of a migrating process that was
     * killed while the server still runs its statement: wait for the server to end it (default), or
     * terminate it.
     */
    public MigrationsConfiguration deadHolder(DeadHolderPolicy policy) {
        this.deadHolder = Objects.requireNonNull(policy);
        return this;
    }

    /**
     * How long one DDL statement may wait for a table lock ({@code lock_timeout} on PostgreSQL)
     * before it, or its revision, is rolled back and retried; default 5 s. Zero waits forever.
     */
    public MigrationsConfiguration ddlLockTimeout(Duration timeout) {
        this.ddlLockTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** How many times a revision is retried after a lock timeout; default 3. */
    public MigrationsConfiguration ddlLockRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("ddlLockRetries must not be negative");
        }
        this.ddlLockRetries = retries;
        return this;
    }

    /**
     * Whether operations that ask for no ALGORITHM/LOCK get their platform's default request
     * (MySQL/MariaDB: {@code ALGORITHM=INSTANT} for adding a column, {@code ALGORITHM=INPLACE,
     * LOCK=NONE} for creating an index, ...; see the README); default true. False lets the server
     * choose, copying the table where it must. Requests the migrations make themselves still apply.
     */
    public MigrationsConfiguration ddlOnlineDefaults(boolean enabled) {
        this.ddlOnlineDefaults = enabled;
        return this;
    }

    public MigrationsConfiguration validateChecksums(boolean validateChecksums) {
        this.validateChecksums = validateChecksums;
        return this;
    }

    /** Adds listeners that hear every step of every run (metrics, tracing, progress). */
    public MigrationsConfiguration listeners(MigrationListener... listeners) {
        this.listeners.addAll(List.of(listeners));
        return this;
    }

    public MigrationsConfiguration classLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader);
        return this;
    }

    public MigrationsConfiguration generatedSourceDirectory(Path directory) {
        this.generatedSourceDirectory = Objects.requireNonNull(directory);
        return this;
    }

    public MigrationsConfiguration generatedSqlDirectory(Path directory) {
        this.generatedSqlDirectory = Objects.requireNonNull(directory);
        return this;
    }

    public MigrationsConfiguration generatedPackage(String generatedPackage) {
        this.generatedPackage = Objects.requireNonNull(generatedPackage);
        return this;
    }

    public MigrationsConfiguration generatedFormat(ScriptFormat format) {
        this.generatedFormat = Objects.requireNonNull(format);
        return this;
    }

    /** Tokens: {@code {rev} {slug} {year} {month} {day} {hour} {minute} {second} {epoch}}. */
    public MigrationsConfiguration fileTemplate(String fileTemplate) {
        this.fileTemplate = Objects.requireNonNull(fileTemplate);
        return this;
    }

    /**
     * How {@code lint}, {@code check} and the test check judge revisions: a level per rule, the table
     * size below which a locking rule is a note, the baseline, the trace's budget.
     */
    public MigrationsConfiguration lint(LintSettings settings) {
        this.lint = Objects.requireNonNull(settings);
        return this;
    }

    /**
     * Schema-per-tenant: the same revisions applied to each of these schemas, each with its own
     * version and history tables and lock, through {@link Migrations#tenants()}.
     */
    public MigrationsConfiguration tenantSchemas(String... schemas) {
        return tenants(MigrationsTenants.schemas(List.of(schemas)));
    }

    /** Tenants computed when a fan-out starts (from a tenants table, say); null for none. */
    public MigrationsConfiguration tenants(MigrationsTenants tenants) {
        this.tenants = tenants;
        return this;
    }

    /** How many tenants migrate at once (default 4); each takes one connection while it runs. */
    public MigrationsConfiguration tenantParallelism(int parallelism) {
        this.tenantParallelism = parallelism;
        return this;
    }

    /** Whether the first failed tenant stops the tenants not started yet (default false). */
    public MigrationsConfiguration tenantFailFast(boolean failFast) {
        this.tenantFailFast = failFast;
        return this;
    }

    /**
     * Scans the locations and validates the revision graph; fails on any bad script. The engine
     * keeps a copy of these settings: changing this builder afterwards does not change it.
     */
    public Migrations load() {
        return new Migrations(
                new EngineSettings(
                        dataSource,
                        dialect,
                        locations,
                        extraScripts,
                        versionTable,
                        historyTable,
                        schema,
                        lockWaitTimeout,
                        deadHolder,
                        new DdlSettings(ddlLockTimeout, ddlLockRetries, ddlOnlineDefaults),
                        validateChecksums,
                        classLoader,
                        new EngineSettings.GeneratedFiles(
                                generatedSourceDirectory,
                                generatedSqlDirectory,
                                generatedPackage,
                                generatedFormat,
                                fileTemplate),
                        listeners,
                        lint),
                new TenantSettings(tenants, tenantParallelism, tenantFailFast));
    }
}
