package dev.migrations.boot.autoconfigure;

import dev.migrations.api.DeadHolderPolicy;
import dev.migrations.api.ScriptFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of migrations under the {@code migrations} prefix.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

    /** What the application does with the database when it starts. */
    public enum Mode {
        /** Apply pending revisions up to the target. */
        UPGRADE,
        /** Refuse to start unless the database is at the scripts' heads with no checksum drift. */
        VALIDATE,
        /** Leave the database alone; migrate from the command line or another process. */
        NONE
    }

    /**
     * Whether to enable migrations.
     */
    private boolean enabled = true;

    /**
     * What to do with the database on startup.
     */
    private Mode mode = Mode.UPGRADE;

    /**
     * Revision to upgrade to on startup: heads, head, a revision id, a branch label or label@head.
     */
    private String target = "heads";

    /**
     * Locations of migration scripts: classpath: or filesystem: folders holding SQL files and, on the
     * classpath, Java classes of the package with the same path. Supports the {vendor} placeholder.
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

    /**
     * Name of the table holding the current heads.
     */
    private String versionTable = "migrations_version";

    /**
     * Name of the append-only table recording every step.
     */
    private String historyTable = "migrations_history";

    /**
     * Schema holding the version and history tables. Defaults to the connection's schema.
     */
    private @Nullable String schema;

    /**
     * JDBC URL of a separate connection for migrations. Defaults to the application's DataSource.
     */
    private @Nullable String url;

    /**
     * Login user of the database to migrate; with only this set, the application's URL is used.
     */
    private @Nullable String user;

    /**
     * Login password of the database to migrate.
     */
    private @Nullable String password;

    /**
     * Fully qualified name of the JDBC driver. Auto-detected based on the URL by default.
     */
    private @Nullable String driverClassName;

    /**
     * Maximum time to wait for another instance's migration lock before failing.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockWaitTimeout = Duration.ofMinutes(2);

    /**
     * What to do when the PostgreSQL session holding the migration lock belongs to a migrating process
     * that has died while the server still runs its statement: wait for the server to end it, or
     * terminate it.
     */
    private DeadHolderPolicy deadHolder = DeadHolderPolicy.WAIT;

    /**
     * Maximum time one DDL statement waits for a table lock (PostgreSQL lock_timeout) before the revision
     * is rolled back and retried.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration ddlLockTimeout = Duration.ofSeconds(5);

    /**
     * Number of times a revision is retried after its DDL timed out waiting for a lock.
     */
    private int ddlLockRetries = 3;

    /**
     * Whether table changes that ask for no ALGORITHM/LOCK get the platform's default request (MySQL and
     * MariaDB: ALGORITHM=INSTANT for adding a column, ALGORITHM=INPLACE, LOCK=NONE for creating an index, ...),
     * so the server refuses instead of copying the table. False lets the server choose.
     */
    private boolean ddlOnlineDefaults = true;

    /**
     * Whether to refuse to run when an applied script was edited after it ran.
     */
    private boolean validateChecksums = true;

    /**
     * Settings for files written by the revision and merge commands.
     */
    private final Generate generate = new Generate();

    /**
     * Settings of the safety lint.
     */
    @NestedConfigurationProperty
    private final MigrationsLintProperties lint = new MigrationsLintProperties();

    /**
     * Tenants: the same revisions applied to many schemas or databases.
     */
    @NestedConfigurationProperty
    private final MigrationsTenantsProperties tenants = new MigrationsTenantsProperties();

    /**
     * Named instances, each migrating a DataSource of its own with the same keys as these plus
     * data-source (the DataSource bean's name). When any is set, the top-level keys configure no
     * instance of their own.
     */
    private Map<String, MigrationsInstanceProperties> instances = new LinkedHashMap<>();

    /** Where and how {@code revision} and {@code merge} write new scripts. */
    public static class Generate {

        /**
         * Directory receiving generated Java migrations, relative to the working directory.
         */
        private Path sourceDirectory = Path.of("src/main/java");

        /**
         * Directory receiving generated SQL migrations, relative to the working directory.
         */
        private Path sqlDirectory = Path.of("src/main/resources/db/migrations");

        /**
         * Package of generated Java migrations.
         */
        private String packageName = "db.migrations";

        /**
         * Format of generated migrations.
         */
        private ScriptFormat format = ScriptFormat.JAVA;

        /**
         * Template of generated file names, with {year} {month} {day} {hour} {minute} {rev} and {slug}.
         */
        private String fileTemplate = "{year}{month}{day}_{hour}{minute}_{rev}_{slug}";

        public Path getSourceDirectory() {
            return sourceDirectory;
        }

        public void setSourceDirectory(Path sourceDirectory) {
            this.sourceDirectory = sourceDirectory;
        }

        public Path getSqlDirectory() {
            return sqlDirectory;
        }

        public void setSqlDirectory(Path sqlDirectory) {
            this.sqlDirectory = sqlDirectory;
        }

        public String getPackageName() {
            return packageName;
        }

        public void setPackageName(String packageName) {
            this.packageName = packageName;
        }

        public ScriptFormat getFormat() {
            return format;
        }

        public void setFormat(ScriptFormat format) {
            this.format = format;
        }

        public String getFileTemplate() {
            return fileTemplate;
        }

        public void setFileTemplate(String fileTemplate) {
            this.fileTemplate = fileTemplate;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public @Nullable String getSchema() {
        return schema;
    }

    public void setSchema(@Nullable String schema) {
        this.schema = schema;
    }

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUser() {
        return user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getDriverClassName() {
        return driverClassName;
    }

    public void setDriverClassName(@Nullable String driverClassName) {
        this.driverClassName = driverClassName;
    }

    public DeadHolderPolicy getDeadHolder() {
        return deadHolder;
    }

    public void setDeadHolder(DeadHolderPolicy deadHolder) {
        this.deadHolder = deadHolder;
    }

    public Duration getLockWaitTimeout() {
        return lockWaitTimeout;
    }

    public void setLockWaitTimeout(Duration lockWaitTimeout) {
        this.lockWaitTimeout = lockWaitTimeout;
    }

    public Duration getDdlLockTimeout() {
        return ddlLockTimeout;
    }

    public void setDdlLockTimeout(Duration ddlLockTimeout) {
        this.ddlLockTimeout = ddlLockTimeout;
    }

    public int getDdlLockRetries() {
        return ddlLockRetries;
    }

    public void setDdlLockRetries(int ddlLockRetries) {
        this.ddlLockRetries = ddlLockRetries;
    }

    public boolean isDdlOnlineDefaults() {
        return ddlOnlineDefaults;
    }

    public void setDdlOnlineDefaults(boolean ddlOnlineDefaults) {
        this.ddlOnlineDefaults = ddlOnlineDefaults;
    }

    public boolean isValidateChecksums() {
        return validateChecksums;
    }

    public void setValidateChecksums(boolean validateChecksums) {
        this.validateChecksums = validateChecksums;
    }

    public Generate getGenerate() {
        return generate;
    }

    public MigrationsLintProperties getLint() {
        return lint;
    }

    public MigrationsTenantsProperties getTenants() {
        return tenants;
    }

    public Map<String, MigrationsInstanceProperties> getInstances() {
        return instances;
    }

    public void setInstances(Map<String, MigrationsInstanceProperties> instances) {
        this.instances = instances;
    }
}
