package dev.migrations;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Validation;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.LintSettings;
import dev.migrations.lint.TraceReport;
import dev.migrations.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The engine's entry point: Alembic's commands over a revision graph and a JDBC DataSource, usable
 * without Spring. Instances are thread-safe; every command takes its own connection.
 *
 * <pre>
 * Migrations.configure().dataSource(ds).locations("classpath:db/migrations").load().upgrade("heads");
 * </pre>
 */
public final class Migrations {

    private final Engine engine;
    private final ReadCommands read;
    private final MoveCommands move;
    private final OfflineCommands offline;
    private final CompareCommands compare;
    private final WriteCommands write;
    private final LintCommands lint;
    private final Tenants tenants;
    private final String tenantName;

    Migrations(EngineSettings settings, TenantSettings tenantSettings) {
        this(new Engine(settings), tenantSettings, null);
    }

    private Migrations(Engine engine, TenantSettings tenantSettings, String tenantName) {
        this.engine = engine;
        this.tenantName = tenantName;
        this.tenants = new Tenants(this, tenantSettings);
        this.read = new ReadCommands(engine);
        this.move = new MoveCommands(engine, read);
        this.offline = new OfflineCommands(engine);
        this.compare = new CompareCommands(engine, read);
        this.write = new WriteCommands(engine, compare);
        this.lint = new LintCommands(engine, read);
    }

    public static MigrationsConfiguration configure() {
        return new MigrationsConfiguration();
    }

    // ---------------------------------------------------------------- tenants

    /** This instance's tenants and the fan-out over them (none configured: an empty list). */
    public Tenants tenants() {
        return tenants;
    }

    /**
     * One tenant of this instance, by name: a configured tenant, or else a schema of that name on
     * this instance's DataSource (a tenant being provisioned). Safe to call while a boot migrates the
     * same tenant: the tenant's lock makes one of them wait, and the other then finds nothing to do.
     */
    public Migrations tenant(String name) {
        List<Tenant> listed = tenants.list();
        return tenant(listed.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseGet(() -> {
                    if (dataSource() == null) {
                        throw new MigrationsException("No tenant named " + name + ": this instance has no DataSource"
                                + " of its own to hold it as a schema, and its tenants are "
                                + listed.stream().map(Tenant::name).toList() + ".");
                    }
                    return Tenant.schema(name);
                }));
    }

    /** The commands for one tenant, sharing this instance's scripts and listeners. */
    public Migrations tenant(Tenant tenant) {
        return new Migrations(engine.forTenant(tenant), TenantSettings.NONE, tenant.name());
    }

    /** Whether tenants sharing this instance's database may change their schemas at once. */
    boolean concurrentSchemaChanges() {
        return engine.settings().dataSource() == null
                || engine.withConnection(c -> engine.platform(c).concurrentSchemaChanges());
    }

    /** The schema tenants among {@code tenants} an upgrade to heads would leave alone, read in one batch. */
    java.util.Set<String> tenantsAtHeads(List<Tenant> tenants) {
        return TenantsAtHeads.find(engine, tenants);
    }

    /** The tenant these commands run for, or null for the instance itself. */
    public String tenantName() {
        return tenantName;
    }

    /** The DataSource the engine migrates, or null when it only renders offline SQL. */
    public DataSource dataSource() {
        return engine.settings().dataSource();
    }

    /** The database's JDBC URL with any password masked: for reports operators paste into tickets. */
    public String databaseUrl() {
        return read.databaseUrl();
    }

    /** The engine's own tables, as configured: {@code migrations_version} and {@code migrations_history}. */
    public List<String> ownTables() {
        return List.of(engine.settings().versionTable(), engine.settings().historyTable());
    }

    // ---------------------------------------------------------------- reading

    /** The database's current heads ({@code current}); creates nothing. */
    public List<String> current() {
        return read.current();
    }

    /** The scripts' heads including effective heads ({@code heads}). */
    public List<String> heads() {
        return read.heads();
    }

    /**
     * Heads whose branches touch the same table or column in ways that do not commute (one drops
     * what the other alters, both add the same column, two renames), read from the scripts alone.
     */
    public List<dev.migrations.lint.BranchConflicts.Conflict> branchConflicts() {
        return dev.migrations.lint.BranchConflicts.among(
                engine.graph(),
                engine.graph().heads(),
                engine.scripts()::script,
                engine.offlinePlatform().id());
    }

    /** Revisions with more than one child ({@code branches}). */
    public List<RevisionInfo> branches() {
        return read.branches();
    }

    /** One revision ({@code show}); {@code current} is allowed when the database has one head. */
    public RevisionInfo show(String revision) {
        return read.show(revision);
    }

    /** The revision with exactly this id, if the scripts have one (the database may be at one they lack). */
    public Optional<RevisionInfo> lookup(String id) {
        return read.lookup(id);
    }

    /**
     * The revisions in a range, newest first ({@code history -r start:end}); null for all of them.
     * {@code current} may be either end.
     */
    public List<RevisionInfo> history(String range) {
        return read.history(range);
    }

    /** Every row of the history table, oldest first. */
    public List<HistoryRecord> appliedHistory() {
        return read.appliedHistory();
    }

    /** Heads, pending revisions and checksum drift, read without taking the lock. */
    public Validation validate() {
        return read.validate();
    }

    /** Every revision's state, the pending list and the full history, for an operator; no lock. */
    public DatabaseStatus status() {
        return read.status();
    }

    // ---------------------------------------------------------------- moving

    /**
     * Upgrades to {@code target} ({@code heads} when null). Every SQL script to run is checked before
     * the first statement runs. With nothing pending this reads the version table (and, when
     * checksums are validated, the history) and takes no lock.
     */
    public List<AppliedStep> upgrade(String target) {
        return move.upgrade(target);
    }

    /** Reverts to {@code target}: a revision, {@code -N}, {@code label@base} or {@code base}. */
    public List<AppliedStep> downgrade(String target) {
        return move.downgrade(target);
    }

    /** What {@code downgrade(target)} would revert, in order, without touching anything. */
    public List<RevisionInfo> downgradePlan(String target) {
        return move.downgradePlan(target);
    }

    /**
     * Runs the downgrade of {@code revision} alone, leaving every other applied branch as it is. The
     * revision must be a current head; a merge undone this way leaves its parents as heads.
     */
    public List<AppliedStep> undo(String revision) {
        return move.undo(revision);
    }

    /** Moves the version table to {@code targets} without running migrations ({@code stamp}). */
    public List<AppliedStep> stamp(List<String> targets, boolean purge) {
        return move.stamp(targets, purge);
    }

    // ---------------------------------------------------------------- offline SQL

    /** The upgrade as a SQL script ({@code upgrade --sql}); range {@code [start:]end}, start defaults to base. */
    public String upgradeSql(String range) {
        return offline.upgradeSql(range);
    }

    /** The downgrade as a SQL script ({@code downgrade --sql}); the range {@code start:end} is required. */
    public String downgradeSql(String range) {
        return offline.downgradeSql(range);
    }

    // ---------------------------------------------------------------- entities

    /**
     * What {@code entities} need that the database lacks, and the reverse. The database must be at
     * the scripts' heads, as Alembic requires.
     */
    public SchemaDiff compareWith(SchemaSnapshot entities) {
        return compareWith(entities, Renames.NONE, SchemaComparator.UnmanagedTables.REPORT);
    }

    /** As {@link #compareWith(SchemaSnapshot)}, with declared renames and what to do with unmapped tables. */
    public SchemaDiff compareWith(
            SchemaSnapshot entities, Renames renames, SchemaComparator.UnmanagedTables unmanaged) {
        return compare.compareWith(entities, renames, unmanaged);
    }

    /**
     * {@code check}: fails unless the database is at the scripts' heads with no checksum drift, and
     * says whether the entities match it.
     */
    public CheckResult check(SchemaSnapshot entities) {
        CheckResult result = compare.check(entities);
        return engine.settings().lint().enabled() ? result.withLint(lint.lintSinceBaseline()) : result;
    }

    /** The live schema as autogenerate reads it, without the engine's own tables. */
    public SchemaSnapshot inspectSchema() {
        return compare.inspectSchema();
    }

    // ---------------------------------------------------------------- lint

    /**
     * {@code lint [RANGE]}: the findings and lock preview of the pending revisions ({@code range}
     * null), of what {@code upgrade TARGET} would run, or of a range {@code start:end}, with table
     * sizes from the live catalog. Runs nothing.
     */
    public LintReport lint(String range) {
        return lint.lint(range);
    }

    /**
     * What {@code check} and the test check lint: the revisions after the lint baseline (all of them
     * without one), from the scripts alone, without reading table sizes.
     */
    public LintReport lintSinceBaseline() {
        return lint.lintSinceBaseline();
    }

    /**
     * {@code lint --trace}: runs the pending revisions ({@code target} null) or those up to a target
     * in one transaction that is always rolled back, and reports the locks each statement took and
     * the tables it rewrote, next to the static answer.
     */
    public TraceReport traceLocks(String target) {
        return lint.trace(target);
    }

    /** The lint settings this engine was configured with. */
    public LintSettings lintSettings() {
        return engine.settings().lint();
    }

    // ---------------------------------------------------------------- writing scripts

    /** Writes a new revision ({@code revision}, with or without autogenerate). */
    public GeneratedRevision revision(RevisionRequest request) {
        return write.revision(request);
    }

    /** Writes a merge revision joining {@code revisions} ({@code heads} joins them all). */
    public Path merge(String message, List<String> revisions, String branchLabel, String revId) {
        return write.merge(message, revisions, branchLabel, revId);
    }
}
