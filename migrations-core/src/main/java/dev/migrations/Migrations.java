package dev.migrations;

import dev.migrations.autogenerate.Autogenerate;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.inspect.SchemaInspector;
import dev.migrations.autogenerate.inspect.SchemaSnapshot;
import dev.migrations.ddl.Dialect;
import dev.migrations.graph.MigrationPlanner;
import dev.migrations.graph.MultipleHeadsException;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionNode;
import dev.migrations.graph.Step;
import dev.migrations.runtime.AppliedStep;
import dev.migrations.runtime.DdlSettings;
import dev.migrations.runtime.HistoryRecord;
import dev.migrations.runtime.MigrationListeners;
import dev.migrations.runtime.MigrationLock;
import dev.migrations.runtime.MigrationRunner;
import dev.migrations.runtime.OfflineRenderer;
import dev.migrations.runtime.VersionStore;
import dev.migrations.script.JavaMigrationScript;
import dev.migrations.script.MigrationScript;
import dev.migrations.script.ScriptDirectory;
import dev.migrations.script.ScriptWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The engine's entry point: Alembic's commands over a revision graph and a JDBC DataSource.
 * Instances are thread-safe; every command takes its own connection.
 *
 * <pre>
 * Migrations.configure().dataSource(ds).locations("classpath:db/migrations").load().upgrade("heads");
 * </pre>
 */
public final class Migrations {

    private final MigrationsConfiguration config;
    private final ScriptDirectory scripts;
    private final MigrationListeners listeners;

    Migrations(MigrationsConfiguration config) {
        this.config = config;
        this.listeners = new MigrationListeners(config.listeners);
        ScriptDirectory found = ScriptDirectory.load(config.locations, config.classLoader);
        if (config.extraScripts.isEmpty()) {
            this.scripts = found;
        } else {
            this.scripts = ScriptDirectory.of(withExtras(found, config.extraScripts));
        }
    }

    /**
     * The scanned scripts plus those given in code. A migration object given in code replaces the
     * scanned script of the same class: a Spring bean living in the scanned package is one revision,
     * built with its constructor arguments, not two.
     */
    private static List<MigrationScript> withExtras(ScriptDirectory found, List<MigrationScript> extras) {
        Set<Class<?>> given = new HashSet<>();
        for (MigrationScript extra : extras) {
            if (extra instanceof JavaMigrationScript java) {
                given.add(java.type());
            }
        }
        List<MigrationScript> all = new ArrayList<>();
        for (MigrationScript script : found.scripts()) {
            if (!(script instanceof JavaMigrationScript java && given.contains(java.type()))) {
                all.add(script);
            }
        }
        all.addAll(extras);
        return all;
    }

    public static MigrationsConfiguration configure() {
        return new MigrationsConfiguration();
    }

    /** The DataSource the engine migrates, or null when it only renders offline SQL. */
    public DataSource dataSource() {
        return config.dataSource;
    }

    public ScriptDirectory scripts() {
        return scripts;
    }

    public RevisionGraph graph() {
        return scripts.graph();
    }

    // ---------------------------------------------------------------- reading

    /** The database's current heads ({@code current}); creates nothing. */
    public List<String> current() {
        return withConnection(c -> store(c).heads(c));
    }

    /** The scripts' heads including effective heads ({@code heads}). */
    public List<String> heads() {
        return graph().heads();
    }

    /** Revisions with more than one child ({@code branches}). */
    public List<RevisionNode> branches() {
        return graph().nodes().stream().filter(RevisionNode::isBranchPoint).toList();
    }

    /** One revision's script ({@code show}); {@code current} is allowed when there is one head. */
    public MigrationScript show(String revision) {
        String symbol = revision;
        if ("current".equals(revision)) {
            List<String> current = current();
            if (current.size() != 1) {
                throw new MigrationsException("The database has " + current.size() + " current revisions; name one.");
            }
            symbol = current.get(0);
        }
        RevisionNode node = graph().revision(symbol);
        if (node == null) {
            throw new MigrationsException("'" + revision + "' names no revision (base).");
        }
        return scripts.script(node.id());
    }

    /**
     * The scripts in a range, newest first ({@code history -r start:end}); null for everything.
     * {@code current} may be either end.
     */
    public List<MigrationScript> history(String range) {
        String lower = null;
        String upper = null;
        if (range != null && !range.isBlank()) {
            if (!range.contains(":")) {
                throw new MigrationsException("History range requires [start]:[end], [start]:, or :[end]");
            }
            String[] parts = range.strip().split(":", -1);
            lower = parts[0].isEmpty() ? null : parts[0];
            upper = parts[1].isEmpty() ? null : parts[1];
            if ("current".equals(lower) || "current".equals(upper)) {
                List<String> current = current();
                String joined = current.isEmpty() ? "base" : String.join(" ", current);
                if (current.size() > 1) {
                    throw new MigrationsException("'current' in a history range needs a single current revision; the"
                            + " database has " + joined);
                }
                lower = "current".equals(lower) ? joined : lower;
                upper = "current".equals(upper) ? joined : upper;
            }
        }
        List<MigrationScript> result = new ArrayList<>();
        for (RevisionNode node : scripts.planner().walk(lower, upper)) {
            result.add(scripts.script(node.id()));
        }
        return result;
    }

    /** Every row of the history table, oldest first. */
    public List<HistoryRecord> appliedHistory() {
        return withConnection(c -> store(c).history(c));
    }

    /** Heads, pending revisions and checksum drift, read without taking the lock. */
    public Validation validate() {
        return withConnection(c -> {
            VersionStore store = store(c);
            List<String> current = store.heads(c);
            List<String> pending = pendingFor(current);
            List<Validation.ChecksumMismatch> drift = config.validateChecksums && !current.isEmpty()
                    ? checksumMismatches(current, store.history(c)) : List.of();
            return new Validation(current, graph().realHeads(), pending, drift);
        });
    }

    /**
     * Every revision's state, the pending list and the full history, for an operator's view; read
     * in one connection without taking the lock.
     */
    public DatabaseStatus status() {
        return withConnection(c -> {
            VersionStore store = store(c);
            List<String> current = store.heads(c);
            List<HistoryRecord> history = store.history(c);
            List<Validation.ChecksumMismatch> drift = config.validateChecksums && !current.isEmpty()
                    ? checksumMismatches(current, history) : List.of();
            return DatabaseStatus.of(scripts, current, pendingFor(current), history, drift);
        });
    }

    /**
     * What {@code entities} need that the database lacks, and the reverse ({@code revision
     * --autogenerate}, {@code check}). The database must be at the scripts' heads, as Alembic
     * requires, or the diff would repeat what pending revisions already do.
     */
    public SchemaDiff compareWith(SchemaSnapshot entities) {
        return compareWith(entities, Renames.NONE, SchemaComparator.UnmanagedTables.REPORT);
    }

    /**
     * As {@link #compareWith(SchemaSnapshot)}, with the renames the developer declared (kept as
     * renames, not a drop and an add) and what to do with tables no entity maps.
     */
    public SchemaDiff compareWith(SchemaSnapshot entities, Renames renames, SchemaComparator.UnmanagedTables unmanaged) {
        Validation validation = validate();
        if (!validation.upToDate()) {
            throw new MigrationsException("Target database is not up to date: it is at "
                    + (validation.currentHeads().isEmpty() ? "base" : String.join(", ", validation.currentHeads()))
                    + " and the scripts' heads are " + String.join(", ", validation.scriptHeads())
                    + ". Run `migrations upgrade heads` first, then compare again.");
        }
        return withConnection(c -> {
            return new Autogenerate(dialect(c), config.schema, Set.of(config.versionTable, config.historyTable),
                    unmanaged).diff(c, entities, renames);
        });
    }

    /**
     * The live schema as autogenerate reads it (tables, columns, keys, indexes, checks, sequences),
     * without the engine's own version and history tables.
     */
    public SchemaSnapshot inspectSchema() {
        return withConnection(c -> {
            return SchemaInspector.of(dialect(c)).inspect(c, config.schema, Set.of(config.versionTable, config.historyTable));
        });
    }

    private Dialect dialect(Connection c) throws SQLException {
        return config.dialect != null ? Dialect.named(config.dialect) : Dialect.detect(c);
    }

    private List<String> pendingFor(List<String> current) {
        for (String head : current) {
            if (!graph().contains(head)) {
                return List.of();
            }
        }
        return scripts.planner().upgrade(current, "heads").stream().map(s -> s.node().id()).toList();
    }

    // ---------------------------------------------------------------- moving

    /**
     * Upgrades to {@code target} ({@code heads} when null). With nothing pending this reads the
     * version table (and, when checksums are validated, the history) and takes no lock.
     */
    public List<AppliedStep> upgrade(String target) {
        String t = target == null ? "heads" : target;
        return observed("upgrade", t, () -> withConnection(c -> {
            VersionStore store = store(c);
            List<String> current = store.heads(c);
            if (config.validateChecksums && !current.isEmpty()) {
                failOnDrift(checksumMismatches(current, store.history(c)));
            }
            if (isKnown(current) && scripts.planner().upgrade(current, t).isEmpty()) {
                return List.of();
            }
            return run(c, store, heads -> scripts.planner().upgrade(heads, t), false);
        }));
    }

    public List<AppliedStep> downgrade(String target) {
        if (target == null || target.isBlank()) {
            throw new MigrationsException("downgrade needs a target: a revision, -N, label@base or base.");
        }
        return observed("downgrade", target,
                () -> withConnection(c -> planThenRun(c, store(c), heads -> scripts.planner().downgrade(heads, target), false)));
    }

    /**
     * Runs the downgrade of {@code revision} alone, leaving every other applied branch as it is. The
     * revision must be a current head; a merge undone this way leaves its parents as heads.
     */
    public List<AppliedStep> undo(String revision) {
        return observed("downgrade", revision,
                () -> withConnection(c -> planThenRun(c, store(c), heads -> scripts.planner().undo(heads, revision), false)));
    }

    /** Moves the version table to {@code targets} without running migrations ({@code stamp}). */
    public List<AppliedStep> stamp(List<String> targets, boolean purge) {
        return observed("stamp", String.join(" ", targets),
                () -> withConnection(c -> planThenRun(c, store(c), heads -> scripts.planner().stamp(heads, targets), purge)));
    }

    /** Tells the listeners a command starts and how it ended. */
    private List<AppliedStep> observed(String command, String target, Supplier<List<AppliedStep>> work) {
        listeners.runStarting(command, target);
        try {
            List<AppliedStep> steps = work.get();
            listeners.runFinished(command, steps, null);
            return steps;
        } catch (RuntimeException e) {
            listeners.runFinished(command, List.of(), e);
            throw e;
        }
    }

    /**
     * Plans once from the heads read without the lock, so a bad target fails before anything is
     * written (not even the version table), then runs; the runner plans again under the lock.
     * {@link #upgrade} needs no such step: its up-to-date check has already planned.
     */
    private List<AppliedStep> planThenRun(Connection c, VersionStore store,
            Function<List<String>, List<? extends Step>> plan, boolean purge) throws SQLException {
        List<String> heads = store.heads(c);
        if (isKnown(heads)) {
            plan.apply(heads); // (unknown heads: the runner explains them better than the planner would)
        }
        return run(c, store, plan, purge);
    }

    private List<AppliedStep> run(Connection c, VersionStore store, Function<List<String>, List<? extends Step>> plan,
            boolean purge) throws SQLException {
        String identity = c.getMetaData().getURL();
        MigrationLock lock = new MigrationLock(store, identity, config.lockWaitTimeout, config.deadHolder);
        return new MigrationRunner(scripts, store, lock, new DdlSettings(config.ddlLockTimeout, config.ddlLockRetries),
                listeners).run(c, plan, purge);
    }

    private boolean isKnown(List<String> current) {
        return current.stream().allMatch(graph()::contains);
    }

    // ---------------------------------------------------------------- offline SQL

    /** The upgrade as a SQL script ({@code upgrade --sql}); range {@code [start:]end}, start defaults to base. */
    public String upgradeSql(String range) {
        String[] r = splitRange(range, false);
        List<String> start = ids(r[0]);
        MigrationPlanner planner = scripts.planner();
        return offline(start, planner.upgrade(start, r[1]), "upgrade " + range);
    }

    /** The downgrade as a SQL script ({@code downgrade --sql}); the range {@code start:end} is required. */
    public String downgradeSql(String range) {
        String[] r = splitRange(range, true);
        List<String> start = ids(r[0]);
        return offline(start, scripts.planner().downgrade(start, r[1]), "downgrade " + range);
    }

    private String offline(List<String> start, List<? extends Step> steps, String title) {
        Dialect dialect = config.dialect != null ? Dialect.named(config.dialect)
                : withConnection(Dialect::detect);
        VersionStore store = new VersionStore(dialect, config.schema, config.versionTable, config.historyTable);
        try {
            return new OfflineRenderer(scripts, store).render(start, steps, "migrations " + title);
        } catch (MigrationsException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationsException("Offline SQL failed: " + e.getMessage(), e);
        }
    }

    private static String[] splitRange(String range, boolean required) {
        String r = range == null ? "heads" : range.strip();
        if (!r.contains(":")) {
            if (required) {
                throw new MigrationsException("downgrade with --sql requires <fromrev>:<torev>");
            }
            return new String[] {"base", r};
        }
        String[] parts = r.split(":", -1);
        return new String[] {parts[0].isEmpty() ? "base" : parts[0], parts[1].isEmpty() ? "heads" : parts[1]};
    }

    private List<String> ids(String symbol) {
        return graph().revisions(symbol).stream().map(RevisionNode::id).toList();
    }

    // ---------------------------------------------------------------- writing scripts

    /** Options of {@code revision}: all optional but the message. */
    public record RevisionRequest(String message, String head, List<String> branchLabels, List<String> dependsOn,
            String revId, boolean splice, MigrationsConfiguration.ScriptFormat format, String upgradeBody,
            String downgradeBody) {

        public static RevisionRequest of(String message) {
            return new RevisionRequest(message, null, List.of(), List.of(), null, false, null, null, null);
        }
    }

    /** Writes a new empty revision on top of {@code head} ({@code revision}); returns the file. */
    public Path revision(RevisionRequest request) {
        RevisionGraph graph = graph();
        String head = request.head() == null ? "head" : request.head();
        List<String> down;
        if ("base".equals(head)) {
            down = List.of();
        } else {
            RevisionNode parent;
            try {
                parent = graph.revision(head);
            } catch (MultipleHeadsException e) {
                throw new MigrationsException("Multiple heads are present; please specify the head revision on which"
                        + " the new revision should be based, or perform a merge. (heads: "
                        + String.join(", ", e.heads()) + ")", null, e);
            }
            if (parent != null && !parent.isHead() && !request.splice()) {
                throw new MigrationsException("Revision " + parent.id() + " is not a head revision; please specify"
                        + " --splice to create a new branch from this revision");
            }
            down = parent == null ? List.of() : List.of(parent.id());
        }
        List<String> dependsOn = new ArrayList<>();
        for (String dep : request.dependsOn()) {
            dependsOn.add(graph.branchLabels().containsKey(dep) ? dep : graph.revision(dep).id());
        }
        return write(request.revId(), down, request.branchLabels(), dependsOn, request.message(), request.format(),
                request.upgradeBody(), request.downgradeBody());
    }

    /** Writes a merge revision joining {@code revisions} ({@code heads} joins them all). */
    public Path merge(String message, List<String> revisions, String branchLabel, String revId) {
        Set<String> down = new LinkedHashSet<>();
        for (RevisionNode node : graph().revisions(revisions.isEmpty() ? List.of("heads") : revisions)) {
            down.add(node.id());
        }
        if (down.size() < 2) {
            throw new MigrationsException("Nothing to merge: " + revisions + " names " + down.size()
                    + " revision(s); a merge joins two or more heads.");
        }
        return write(revId, new ArrayList<>(down), branchLabel == null ? List.of() : List.of(branchLabel), List.of(),
                message, null, null, null);
    }

    private Path write(String revId, List<String> down, List<String> labels, List<String> dependsOn, String message,
            MigrationsConfiguration.ScriptFormat format, String upgradeBody, String downgradeBody) {
        String id = revId == null ? ScriptWriter.newId() : revId;
        if (graph().contains(id)) {
            throw new MigrationsException("Revision id " + id + " is already used by " + graph().node(id).source());
        }
        RevisionGraph.requireValidId(id, "the new revision");
        for (String label : labels) {
            if (graph().branchLabels().containsKey(label)) {
                throw new MigrationsException("Branch name '" + label + "' is already used by revision "
                        + graph().branchLabels().get(label).id());
            }
        }
        ScriptWriter.NewRevision revision = new ScriptWriter.NewRevision(id, down, labels, dependsOn,
                message == null ? "" : message, true, upgradeBody, downgradeBody);
        ScriptWriter writer = new ScriptWriter(config.generatedSourceDirectory, config.generatedSqlDirectory,
                config.generatedPackage, config.fileTemplate);
        MigrationsConfiguration.ScriptFormat f = format != null ? format : config.generatedFormat;
        ZonedDateTime now = ZonedDateTime.now();
        return f == MigrationsConfiguration.ScriptFormat.SQL ? writer.writeSql(revision, now)
                : writer.writeJava(revision, now);
    }

    // ---------------------------------------------------------------- checksums

    /** Applied revisions whose script changed since the last successful upgrade recorded for them. */
    List<Validation.ChecksumMismatch> checksumMismatches(List<String> current, List<HistoryRecord> history) {
        Map<String, String> recorded = new HashMap<>();
        for (HistoryRecord row : history) {
            if (row.success() && row.direction() == HistoryRecord.Direction.UPGRADE) {
                recorded.put(row.revision(), row.checksum());
            }
        }
        Set<String> applied = new HashSet<>();
        List<RevisionNode> heads = new ArrayList<>();
        for (String id : current) {
            if (graph().contains(id)) {
                heads.add(graph().node(id));
            }
        }
        graph().ancestors(heads, true).forEach(n -> applied.add(n.id()));
        List<Validation.ChecksumMismatch> mismatches = new ArrayList<>();
        for (RevisionNode node : graph().nodes()) {
            String stored = recorded.get(node.id());
            if (stored == null || !applied.contains(node.id())) {
                continue;
            }
            MigrationScript script = scripts.script(node.id());
            String now = script.checksum();
            if (now != null && !now.equals(stored)) {
                mismatches.add(new Validation.ChecksumMismatch(node.id(), script.source(), stored, now));
            }
        }
        return mismatches;
    }

    private static void failOnDrift(List<Validation.ChecksumMismatch> mismatches) {
        if (!mismatches.isEmpty()) {
            throw new ChecksumDriftException(mismatches);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private VersionStore store(Connection connection) throws SQLException {
        Dialect dialect = config.dialect != null ? Dialect.named(config.dialect) : Dialect.detect(connection);
        return new VersionStore(dialect, config.schema, config.versionTable, config.historyTable);
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        if (config.dataSource == null) {
            throw new MigrationsException("No DataSource configured: call dataSource(...) (offline SQL needs"
                    + " dialect(...) instead).");
        }
        Connection connection;
        try {
            connection = config.dataSource.getConnection();
        } catch (SQLException e) {
            throw ConnectionFailures.of(e);
        }
        try (connection) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new MigrationsException("Database error: " + ConnectionFailures.sentence(e.getMessage())
                    + " Check that the database is reachable and the migration user may read and write it.", e);
        }
    }
}
