package dev.migrations.internal.runtime;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationListener;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.RevisionFailedException;
import dev.migrations.internal.graph.HeadMaintainer;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.Step;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.ScriptDirectory;
import dev.migrations.internal.script.StatementFailedException;
import dev.migrations.platform.Capability;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.FailureKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs planned steps on one connection: takes the lock, reads the heads again under it, and runs
 * each revision in its own transaction together with its version-table and history writes. A
 * failure rolls back that revision only, is recorded in the history, and is reported with the
 * revision, the statement and the database's message.
 */
public final class MigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

    private final ScriptDirectory scripts;
    private final VersionStore store;
    private final MigrationLock lock;
    private final DdlSettings ddlSettings;
    private final MigrationListener listener;
    /** Where this run found the database, and what it has done so far: for the failure report. */
    private List<String> startHeads;

    private final List<AppliedStep> done = new ArrayList<>();
    private final Journals journals;
    private boolean undoPartlyApplied;

    public MigrationRunner(
            ScriptDirectory scripts,
            VersionStore store,
            MigrationLock lock,
            DdlSettings ddlSettings,
            MigrationListener listener) {
        this.scripts = scripts;
        this.store = store;
        this.lock = lock;
        this.ddlSettings = ddlSettings;
        this.listener = listener;
        this.journals = new Journals(store);
    }

    /** A downgrade through partly applied revisions, undoing only their completed statements ({@link PartialUndo}). */
    public MigrationRunner undoingPartlyApplied() {
        this.undoPartlyApplied = true;
        return this;
    }

    /**
     * Plans from the heads read under the lock and runs the plan. With a per-transaction lock
     * (SQLite) the heads are checked again in every transaction and the plan is redone if another
     * process moved them.
     */
    public List<AppliedStep> run(
            Connection connection, Function<List<String>, List<? extends Step>> planner, boolean purgeFirst)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        String dbUser = connection.getMetaData().getUserName();
        String appliedBy = dbUser == null || dbUser.isBlank() ? System.getProperty("user.name") : dbUser;
        lock.acquire(connection);
        try {
            connection.setAutoCommit(true);
            store.create(connection);
            if (purgeFirst) {
                store.purge(connection);
            }
            plan:
            while (true) {
                List<String> heads = checkKnown(store.heads(connection));
                if (startHeads == null) {
                    startHeads = heads;
                }
                PartialUndo.Plan plan = undoPartlyApplied
                        ? PartialUndo.plan(connection, store, scripts, heads, planner)
                        : new PartialUndo.Plan(List.of(), planner.apply(heads));
                int undos = plan.undos().size();
                int total = undos + plan.rest().size();
                done.addAll(PartialUndo.runAll(connection, plan, store, lock, ddlSettings, listener, appliedBy));
                List<? extends Step> steps = plan.rest();
                HeadMaintainer maintainer = new HeadMaintainer(scripts.graph(), heads);
                for (int i = 0; i < steps.size(); i++) {
                    AppliedStep applied =
                            runStep(connection, steps.get(i), maintainer, appliedBy, undos + i + 1, total);
                    if (applied == null) {
                        continue plan; // another process moved the heads: plan again from what is there
                    }
                    done.add(applied);
                }
                return List.copyOf(done);
            }
        } finally {
            try {
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                // A connection that died mid-revision must not hide the failure that explains it.
                log.warn("Could not reset the migration connection ({}); it is closed and not reused.", e.getMessage());
            } finally {
                lock.release(connection);
            }
        }
    }

    private List<String> checkKnown(List<String> heads) {
        RevisionGraph graph = scripts.graph();
        for (String head : heads) {
            if (!graph.contains(head)) {
                throw new MigrationsException(
                        "The database is at revision " + head + " (" + store.versionTable()
                                + "), which no script defines. A migration file may have been deleted or renamed, or this"
                                + " database belongs to another application. Restore the script, or run `migrations stamp"
                                + " <revision> --purge` to record where the database really is.",
                        head,
                        null);
            }
        }
        return heads;
    }

    /** Runs one step; returns null when the heads moved under us and the plan must be redone. */
    private AppliedStep runStep(
            Connection connection, Step step, HeadMaintainer maintainer, String appliedBy, int index, int total)
            throws SQLException {
        MigrationScript script =
                step instanceof Step.RevisionStep rs ? scripts.script(rs.node().id()) : null;
        boolean transactional = script == null || script.transactional();
        String revision = revisionOf(step);
        String message = script != null ? script.message() : "stamp";
        HistoryRecord.Direction direction = script == null
                ? HistoryRecord.Direction.STAMP
                : step.upgrade() ? HistoryRecord.Direction.UPGRADE : HistoryRecord.Direction.DOWNGRADE;
        List<String> downRevisions = script != null ? script.node().downRevisions() : step.fromRevisions();
        String progress = total > 1 ? " (" + index + "/" + total + ")" : "";
        if (script != null) {
            log.info("{}{}", ((Step.RevisionStep) step).describe(message), progress);
        }
        listener.stepStarting(revision, direction, index, total);
        boolean journaled =
                script != null && (!transactional || !store.platform().has(Capability.TRANSACTIONAL_DDL));
        StatementJournal journal = null;
        for (int attempt = 0; ; attempt++) {
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            JdbcOps ops = new JdbcOps(connection, store.platform(), ddlSettings);
            if (journaled) {
                journal = journals.open(
                        connection, revision, downRevisions, direction, message, script, startedAt, appliedBy, journal);
                ops.journal(journal);
            }
            try {
                ops.beforeTransaction();
                if (transactional) {
                    connection.setAutoCommit(false);
                    if (!headsStillAt(connection, maintainer)) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                        ops.close();
                        return null;
                    }
                } else {
                    connection.setAutoCommit(true);
                }
                ops.transactionStarted();
                if (script != null) {
                    if (step.upgrade()) {
                        script.upgrade(ops);
                    } else {
                        script.downgrade(ops);
                    }
                }
                ops.finish();
                if (!transactional) {
                    connection.setAutoCommit(false);
                    lock.enterTransaction(connection);
                }
                for (HeadMaintainer.Change change : maintainer.apply(step)) {
                    store.apply(connection, change);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                journals.record(
                        connection,
                        new HistoryRecord(
                                0,
                                revision,
                                downRevisions,
                                direction,
                                message,
                                script != null ? script.checksum() : null,
                                startedAt,
                                millis,
                                appliedBy,
                                true,
                                null,
                                journal == null ? 0 : journal.done()),
                        journal);
                connection.commit();
                connection.setAutoCommit(true);
                ops.close();
                if (script != null) {
                    log.info("Finished {} {} in {} ms{}", direction.sqlName(), revision, millis, progress);
                }
                AppliedStep applied = new AppliedStep(revision, downRevisions, direction, message, millis);
                listener.stepFinished(applied, index, total);
                return applied;
            } catch (Exception e) {
                Exception failure = e;
                rollBack(connection, ops, failure);
                if (e instanceof LockTimeoutException timeout) {
                    if (attempt < ddlSettings.lockRetries()) {
                        long pause = LockTimeoutException.pause(attempt);
                        log.warn(
                                "Revision {} waited {} for a lock and gave up (attempt {} of {}); rolled back,"
                                        + " running it again in {} ms",
                                revision,
                                ddlSettings.lockTimeout(),
                                attempt + 1,
                                ddlSettings.lockRetries() + 1,
                                pause);
                        LockTimeoutException.sleep(pause);
                        continue;
                    }
                    failure = LockTimeoutException.gaveUp(
                            timeout.statementFailure(),
                            ddlSettings,
                            attempt + 1,
                            store.platform().lockHoldersHint());
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                listener.stepFailed(revision, direction, millis, failure);
                throw failed(
                        connection,
                        step,
                        script,
                        revision,
                        downRevisions,
                        direction,
                        message,
                        startedAt,
                        start,
                        appliedBy,
                        failure,
                        journal);
            }
        }
    }

    /** Rolls back the revision and restores the session settings its operations changed. */
    private static void rollBack(Connection connection, JdbcOps ops, Exception failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            ops.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private boolean headsStillAt(Connection connection, HeadMaintainer maintainer) throws SQLException {
        if (!lock.enterTransaction(connection)) {
            return true; // a session lock is held: nobody else can have moved the heads
        }
        return new HashSet<>(store.heads(connection)).equals(new HashSet<>(maintainer.heads()));
    }

    private MigrationsException failed(
            Connection connection,
            Step step,
            MigrationScript script,
            String revision,
            List<String> downRevisions,
            HistoryRecord.Direction direction,
            String message,
            Instant startedAt,
            long start,
            String appliedBy,
            Exception e,
            StatementJournal journal) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        Throwable cause = e;
        String detail;
        String statement = null;
        if (e instanceof StatementFailedException sf) {
            detail = sf.getMessage();
            cause = sf.getCause();
            statement = sf.statement();
        } else if (e instanceof MigrationsException) {
            detail = e.getMessage();
        } else {
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        boolean transactionalDdl =
                script == null || script.transactional() && store.platform().has(Capability.TRANSACTIONAL_DDL);
        String where = script != null ? " (" + script.source() + ")" : "";
        String what = (direction == HistoryRecord.Direction.STAMP ? "Stamp to " : "Revision ") + revision + where
                + " failed during " + direction.sqlName() + ": ";
        if (store.platform().classify(e) == FailureKind.CONNECTION_LOST) {
            // Nothing can be recorded on a dead connection; say what the server did instead.
            log.error(
                    "{} of revision {} lost its database connection after {} ms",
                    direction.sqlName(),
                    revision,
                    millis);
            return new RevisionFailedException(
                    what + "the connection to the database was lost (" + detail + ").\n"
                            + (transactionalDdl
                                    ? "The server rolls back the revision's unfinished transaction, so none of it"
                                            + " was applied, and the migration lock ended with the connection."
                                    : "This revision ran without a transaction around its DDL, so statements before the"
                                            + " failing one may have been applied; check the schema.")
                            + " Run the command again once the database is reachable.",
                    revision,
                    statement,
                    done,
                    cause);
        }
        List<String> headsAfter;
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            journals.record(
                    connection,
                    new HistoryRecord(
                            0,
                            revision,
                            downRevisions,
                            direction,
                            message,
                            script != null ? script.checksum() : null,
                            startedAt,
                            millis,
                            appliedBy,
                            false,
                            detail,
                            journal == null ? 0 : journal.done()),
                    journal);
            headsAfter = store.heads(connection);
        } catch (SQLException | RuntimeException recordFailure) {
            e.addSuppressed(recordFailure);
            headsAfter = null;
        }
        String state = headsAfter == null ? "" : " " + FailureAdvice.progress(startHeads, done, headsAfter);
        String partial = journal != null
                ? journal.report(store.historyTable())
                : !transactionalDdl
                        ? " This revision ran without a transaction around its DDL, so statements before the failing"
                                + " one may have been applied; check the schema before running it again."
                        : "";
        String advice = journal != null && journal.done() > 0
                ? "" // the journal's report says what to do
                : FailureAdvice.of(store.platform().classify(e), script, startHeads, headsAfter);
        log.error("{} of revision {} failed after {} ms", direction.sqlName(), revision, millis);
        return new RevisionFailedException(
                what + detail + "\n" + state.strip() + partial + advice, revision, statement, done, cause);
    }

    private static String revisionOf(Step step) {
        if (step instanceof Step.RevisionStep rs) {
            return rs.node().id();
        }
        List<String> target = step.toRevisions().isEmpty() ? step.fromRevisions() : step.toRevisions();
        return String.join(",", target);
    }
}
