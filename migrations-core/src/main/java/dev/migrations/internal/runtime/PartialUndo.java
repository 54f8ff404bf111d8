package dev.migrations.internal.runtime;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationListener;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.RevisionFailedException;
import dev.migrations.internal.graph.HeadMaintainer;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.graph.Step;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.ScriptDirectory;
import dev.migrations.internal.script.StatementFailedException;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.FailureKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A downgrade through a partly applied revision (a database whose DDL commits by itself, where a
 * revision stopped at statement k): the revision counts as the head it would be, the downgrade is
 * planned from there, and its step undoes only what statements 1..k-1 did ({@link
 * CompletedOperations}) before the rest of the plan runs. Every partly applied revision on the way
 * is checked before anything runs, so a refusal changes nothing. The version table already names
 * the revision below; the history gets a downgrade row, after which the revision is no longer partly
 * applied. An undo that fails part way records how many of the revision's statements stay applied,
 * so the revision stays partly applied with fewer of them, and an upgrade resumes from there.
 */
public final class PartialUndo {

    private static final Logger log = LoggerFactory.getLogger(PartialUndo.class);

    /** One partly applied revision to undo: its inverse operations, last completed first. */
    record Undo(MigrationScript script, StatementJournal.Resume journal, List<CompletedOperations.Inverse> inverses) {}

    /** The undos to run first, then the plan's other steps. */
    record Plan(List<Undo> undos, List<? extends Step> rest) {}

    private PartialUndo() {}

    /** The partly applied revisions where the database stands, and the heads they make with the applied ones. */
    record Standing(List<RevisionNode> partial, List<String> heads, Map<String, StatementJournal.Resume> journals) {}

    /**
     * The heads a downgrade plans from: {@code heads}, with each partly applied revision (not applied,
     * its parents applied) standing as a head.
     */
    static Standing standing(Connection connection, VersionStore store, RevisionGraph graph, List<String> heads)
            throws SQLException {
        Set<String> applied = new HashSet<>();
        graph.ancestors(graph.nodes(heads), true).forEach(n -> applied.add(n.id()));
        Map<String, StatementJournal.Resume> journals = store.partlyApplied(connection);
        HeadMaintainer standing = new HeadMaintainer(graph, heads);
        List<RevisionNode> partial = new ArrayList<>();
        for (Map.Entry<String, StatementJournal.Resume> entry : journals.entrySet()) {
            String revision = entry.getKey().substring(entry.getKey().indexOf(':') + 1);
            if (!graph.contains(revision)
                    || applied.contains(revision)
                    || entry.getValue().statementsDone() == 0) {
                continue;
            }
            RevisionNode node = graph.node(revision);
            List<String> parents = graph.normalizedDownRevisions(node);
            if (!applied.containsAll(parents) || partial.contains(node)) {
                continue; // not where the database stands: nothing of it to undo on this path
            }
            try {
                standing.apply(new Step.RevisionStep(node, parents, true));
            } catch (MigrationsException ambiguous) {
                continue; // the heads cannot take it as a head: the downgrade plans from the heads alone
            }
            partial.add(node);
        }
        return new Standing(partial, standing.heads(), journals);
    }

    /**
     * Plans a downgrade from the standing heads; refuses before anything runs when a partly applied
     * revision on the way cannot be undone safely.
     */
    static Plan plan(
            Connection connection,
            VersionStore store,
            ScriptDirectory scripts,
            List<String> heads,
            Function<List<String>, List<? extends Step>> planner)
            throws SQLException {
        Standing standing = standing(connection, store, scripts.graph(), heads);
        if (standing.partial().isEmpty()) {
            return new Plan(List.of(), planner.apply(heads));
        }
        List<? extends Step> steps = planner.apply(standing.heads());
        List<Undo> undos = new ArrayList<>();
        List<Step> rest = new ArrayList<>();
        String at = heads.isEmpty() ? "base" : String.join(" ", heads);
        for (Step step : steps) {
            if (step instanceof Step.RevisionStep rs
                    && !rs.upgrade()
                    && standing.partial().contains(rs.node())) {
                MigrationScript script = scripts.script(rs.node().id());
                StatementJournal.Resume journal =
                        journal(standing.journals(), rs.node().id());
                undos.add(
                        new Undo(script, journal, CompletedOperations.inverses(script, journal, store.platform(), at)));
            } else {
                rest.add(step);
            }
        }
        return new Plan(undos, rest);
    }

    /**
     * The heads a downgrade plans from: {@code heads}, with each partly applied revision standing as a
     * head (read without the lock, for checking a plan before it runs).
     */
    public static List<String> standingHeads(
            Connection connection, VersionStore store, ScriptDirectory scripts, List<String> heads) {
        try {
            return standing(connection, store, scripts.graph(), heads).heads();
        } catch (SQLException noHistoryYet) {
            return heads; // no history table, or one from before the journal: nothing is partly applied
        }
    }

    /** Runs the plan's undos, each recorded in the history; the plan's other steps count in the progress. */
    static List<AppliedStep> runAll(
            Connection connection,
            Plan plan,
            VersionStore store,
            MigrationLock lock,
            DdlSettings settings,
            MigrationListener listener,
            String appliedBy)
            throws SQLException {
        List<AppliedStep> applied = new ArrayList<>();
        int total = plan.undos().size() + plan.rest().size();
        for (int i = 0; i < plan.undos().size(); i++) {
            applied.add(run(connection, plan.undos().get(i), store, lock, settings, listener, appliedBy, i + 1, total));
        }
        return applied;
    }

    /** The journal of a partly applied revision: its failed upgrade, or the undo that failed after it. */
    static StatementJournal.Resume journal(Map<String, StatementJournal.Resume> journals, String revision) {
        StatementJournal.Resume upgrade = journals.get(HistoryRecord.Direction.UPGRADE.sqlName() + ":" + revision);
        return upgrade != null
                ? upgrade
                : journals.getOrDefault(
                        HistoryRecord.Direction.DOWNGRADE.sqlName() + ":" + revision, StatementJournal.Resume.NONE);
    }

    /**
     * Runs one undo, operation by operation. Its history row is written first, marked running, and
     * counts each operation undone before that operation runs: if the process dies meanwhile, the
     * row is an interrupted run whose next statement may or may not have taken effect, which the next
     * upgrade handles as after a killed upgrade (an "already exists" there counts as done).
     */
    private static AppliedStep run(
            Connection connection,
            Undo undo,
            VersionStore store,
            MigrationLock lock,
            DdlSettings settings,
            MigrationListener listener,
            String appliedBy,
            int index,
            int total)
            throws SQLException {
        MigrationScript script = undo.script();
        String revision = script.id();
        List<String> parents = script.node().downRevisions();
        int done = undo.journal().statementsDone();
        log.info(
                "Running downgrade of partly applied {} -> {}, {}: undoing its {} completed statement(s){}",
                revision,
                parents.isEmpty() ? "base" : String.join(", ", parents),
                script.message(),
                done,
                total > 1 ? " (" + index + "/" + total + ")" : "");
        listener.stepStarting(revision, HistoryRecord.Direction.DOWNGRADE, index, total);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        int applied = done; // the statements the database surely still holds
        String appliedChecksum = undo.journal().checksum();
        long rowId = 0;
        JdbcOps ops = new JdbcOps(connection, store.platform(), settings);
        try {
            ops.beforeTransaction();
            connection.setAutoCommit(true);
            ops.transactionStarted();
            rowId = store.startJournal(
                    connection, row(script, startedAt, 0, appliedBy, StatementJournal.RUNNING, done), appliedChecksum);
            for (CompletedOperations.Inverse inverse : undo.inverses()) {
                log.info("Undoing in {}: {}", revision, inverse.operation().describe());
                store.journal(connection, rowId, inverse.statementsLeft(), inverse.checksumLeft());
                ops.apply(inverse.operation());
                ops.flush();
                applied = inverse.statementsLeft();
                appliedChecksum = inverse.checksumLeft();
            }
            ops.finish();
            long millis = (System.nanoTime() - start) / 1_000_000;
            connection.setAutoCommit(false);
            lock.enterTransaction(connection);
            store.finish(connection, rowId, row(script, startedAt, millis, appliedBy, null, 0), null);
            connection.commit();
            connection.setAutoCommit(true);
            ops.close();
            log.info("Finished downgrade of partly applied {} in {} ms", revision, millis);
            AppliedStep step =
                    new AppliedStep(revision, parents, HistoryRecord.Direction.DOWNGRADE, script.message(), millis);
            listener.stepFinished(step, index, total);
            return step;
        } catch (Exception e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
                ops.close();
            } catch (SQLException | RuntimeException reset) {
                e.addSuppressed(reset);
            }
            listener.stepFailed(revision, HistoryRecord.Direction.DOWNGRADE, millis, e);
            String detail = e instanceof StatementFailedException || e instanceof MigrationsException
                    ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (store.platform().classify(e) != FailureKind.CONNECTION_LOST) {
                try {
                    HistoryRecord failed = row(script, startedAt, millis, appliedBy, detail, applied);
                    if (rowId != 0) {
                        store.finish(connection, rowId, failed, appliedChecksum);
                    } else {
                        store.startJournal(connection, failed, appliedChecksum);
                    }
                } catch (SQLException | RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
            }
            log.error("downgrade of partly applied revision {} failed after {} ms", revision, millis);
            throw failed(store, script, e, detail, done, applied);
        }
    }

    /** The history row of an undo: succeeded when {@code error} is null, else with the statements still applied. */
    private static HistoryRecord row(
            MigrationScript script, Instant startedAt, long millis, String appliedBy, String error, int applied) {
        return new HistoryRecord(
                0,
                script.id(),
                script.node().downRevisions(),
                HistoryRecord.Direction.DOWNGRADE,
                script.message(),
                script.checksum(),
                startedAt,
                millis,
                appliedBy,
                error == null,
                error,
                applied);
    }

    private static MigrationsException failed(
            VersionStore store, MigrationScript script, Exception e, String detail, int done, int applied) {
        Throwable cause = e instanceof StatementFailedException ? e.getCause() : e;
        String statement = e instanceof StatementFailedException sf ? sf.statement() : null;
        String state = applied == done
                ? "Nothing of it was undone: its first " + done + " statement(s) stay applied."
                : "Its statements " + (applied + 1) + ".." + done + " were undone; its first " + applied
                        + " statement(s) stay applied and " + store.historyTable() + " records them"
                        + " (statements_done = " + applied + "), so the revision stays partly applied.";
        return new RevisionFailedException(
                "Downgrade of partly applied revision " + script.id() + " (" + script.source() + ") failed while"
                        + " undoing its completed statements: " + detail + "\n" + state + " Fix the cause and run"
                        + " the downgrade again, or undo them by hand and run `migrations stamp --purge <current"
                        + " heads>`.",
                script.id(),
                statement,
                cause);
    }
}
