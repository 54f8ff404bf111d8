package dev.migrations;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.ChecksumDriftException;
import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.Step;
import dev.migrations.internal.graph.Target;
import dev.migrations.internal.runtime.MigrationLock;
import dev.migrations.internal.runtime.MigrationRunner;
import dev.migrations.internal.runtime.PartialUndo;
import dev.migrations.internal.runtime.VersionStore;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.platform.DatabaseLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The commands that move the database: {@code upgrade}, {@code downgrade}, {@code stamp}, and undoing one revision. */
final class MoveCommands {

    private final Engine engine;
    private final ReadCommands read;

    public MoveCommands(Engine engine, ReadCommands read) {
        this.engine = engine;
        this.read = read;
    }

    /**
     * Upgrades to {@code target} ({@code heads} when null). With nothing pending this reads the
     * version table (and, when checksums are validated, the history) and takes no lock.
     */
    public List<AppliedStep> upgrade(String target) {
        Target parsed = Target.parse(target);
        return observed(
                "upgrade",
                parsed.toString(),
                () -> engine.withConnection(c -> {
                    VersionStore store = engine.store(c);
                    List<String> current = store.heads(c);
                    if (engine.settings().validateChecksums() && !current.isEmpty()) {
                        List<dev.migrations.api.Validation.ChecksumMismatch> drift =
                                ChecksumDrift.of(engine.scripts(), current, store.history(c));
                        if (!drift.isEmpty()) {
                            throw new ChecksumDriftException(drift);
                        }
                    }
                    if (isKnown(current)) {
                        List<Step.RevisionStep> plan = engine.planner().upgrade(current, parsed);
                        if (plan.isEmpty()) {
                            return List.of();
                        }
                        checkScripts(plan, current);
                    }
                    return run(c, store, heads -> engine.planner().upgrade(heads, parsed), false, false);
                }));
    }

    public List<AppliedStep> downgrade(String target) {
        if (target == null || target.isBlank()) {
            throw new MigrationsException("downgrade needs a target: a revision, -N, label@base or base.");
        }
        Target parsed = Target.parse(target);
        return observed(
                "downgrade",
                parsed.toString(),
                () -> move(heads -> engine.planner().downgrade(heads, parsed), false, true));
    }

    /**
     * What {@code downgrade target} would revert, newest first, without touching anything; a partly
     * applied revision on the way is listed too (its step undoes only its completed statements).
     */
    public List<RevisionInfo> downgradePlan(String target) {
        List<String> current = engine.withConnection(c -> {
            VersionStore store = engine.store(c);
            List<String> heads = store.heads(c);
            return isKnown(heads) ? PartialUndo.standingHeads(c, store, engine.scripts(), heads) : heads;
        });
        return engine.planner().downgrade(current, Target.parse(target)).stream()
                .map(s -> read.info(s.node()))
                .toList();
    }

    /**
     * Runs the downgrade of {@code revision} alone, leaving every other applied branch as it is. The
     * revision must be a current head; a merge undone this way leaves its parents as heads.
     */
    public List<AppliedStep> undo(String revision) {
        Target parsed = Target.parse(revision);
        return observed(
                "downgrade", revision, () -> move(heads -> engine.planner().undo(heads, parsed), false, false));
    }

    /** Moves the version table to {@code targets} without running migrations. */
    public List<AppliedStep> stamp(List<String> targets, boolean purge) {
        List<Target> parsed = targets.stream().map(Target::parse).toList();
        return observed(
                "stamp",
                String.join(" ", targets),
                () -> move(heads -> engine.stamps().stamp(heads, parsed), purge, false));
    }

    /**
     * Plans once from the heads read without the lock, so a bad target fails before anything is
     * written (not even the version table) and every script to run is checked, then runs; the
     * runner plans again under the lock. A downgrade that {@code undoesPartlyApplied} plans with each
     * partly applied revision standing as a head; its step undoes only the revision's completed statements.
     */
    private List<AppliedStep> move(
            Function<List<String>, List<? extends Step>> plan, boolean purge, boolean undoesPartlyApplied) {
        return engine.withConnection(c -> {
            VersionStore store = engine.store(c);
            List<String> heads = store.heads(c);
            if (isKnown(heads)) {
                List<String> from =
                        undoesPartlyApplied ? PartialUndo.standingHeads(c, store, engine.scripts(), heads) : heads;
                checkScripts(plan.apply(from), heads); // unknown heads: the runner explains them better
            }
            return run(c, store, plan, purge, undoesPartlyApplied);
        });
    }

    /** Splits every SQL script the plan runs, so a malformed one fails before the first statement runs. */
    private void checkScripts(List<? extends Step> plan, List<String> heads) {
        for (Step step : plan) {
            if (step instanceof Step.RevisionStep revision) {
                MigrationScript script = engine.scripts().script(revision.node().id());
                try {
                    script.check(revision.upgrade());
                } catch (MigrationsException e) {
                    throw new MigrationsException(
                            "Revision " + script.id() + " (" + script.source() + ") cannot run: "
                                    + e.getMessage() + "\nNothing was run: the database is still at "
                                    + (heads.isEmpty() ? "base" : String.join(", ", heads))
                                    + ". Fix the revision and run the command again.",
                            script.id(),
                            e);
                }
            }
        }
    }

    private List<AppliedStep> run(
            Connection c,
            VersionStore store,
            Function<List<String>, List<? extends Step>> plan,
            boolean purge,
            boolean undoesPartlyApplied)
            throws SQLException {
        engine.createTenantSchema(c);
        String identity = c.getMetaData().getURL();
        DatabaseLock databaseLock = store.platform()
                .lock(new DatabaseLock.Request(
                        store.versionTable(),
                        engine.settings().lockWaitTimeout(),
                        engine.settings().deadHolder()));
        MigrationLock lock = new MigrationLock(
                identity, store.versionTable(), engine.settings().lockWaitTimeout(), databaseLock);
        MigrationRunner runner = new MigrationRunner(
                engine.scripts(), store, lock, engine.settings().ddl(), engine.listeners());
        return (undoesPartlyApplied ? runner.undoingPartlyApplied() : runner).run(c, plan, purge);
    }

    private boolean isKnown(List<String> current) {
        return current.stream().allMatch(engine.graph()::contains);
    }

    /** Tells the listeners a command starts and how it ended. */
    private List<AppliedStep> observed(String command, String target, Supplier<List<AppliedStep>> work) {
        engine.listeners().runStarting(command, target);
        try {
            List<AppliedStep> steps = work.get();
            engine.listeners().runFinished(command, steps, null);
            return steps;
        } catch (RuntimeException e) {
            engine.listeners().runFinished(command, List.of(), e);
            throw e;
        }
    }
}
