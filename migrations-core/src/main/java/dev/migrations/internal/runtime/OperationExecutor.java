package dev.migrations.internal.runtime;

import dev.migrations.api.Ops;
import dev.migrations.ops.Operation;
import dev.migrations.ops.TableChanges;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.platform.TableRebuilder;

/**
 * What online and offline operations share: rendering each operation for the platform and, where
 * ALTER TABLE cannot make a change (SQLite), collecting consecutive changes to one table into a
 * single rebuild that runs when an operation on something else arrives or the revision ends.
 */
abstract class OperationExecutor implements Ops {

    protected final DatabasePlatform platform;
    protected final DdlRenderer ddl;
    protected final TableRebuilder rebuilder;
    private TableRebuilder.Rebuild pending;

    OperationExecutor(DatabasePlatform platform) {
        this.platform = platform;
        this.ddl = platform.ddl();
        this.rebuilder = platform.rebuilder();
    }

    @Override
    public final void apply(Operation operation) {
        if (pending != null && TableChanges.folds(operation, pending.table())) {
            pending.add(operation);
            return;
        }
        flush();
        if (rebuilder != null && rebuilder.needsRebuild(operation)) {
            pending = startRebuild(operation);
            pending.add(operation);
            return;
        }
        perform(operation);
    }

    /** Whether {@code operation} joins the rebuild being collected rather than ending it. */
    boolean joinsPendingRebuild(Operation operation) {
        return pending != null && TableChanges.folds(operation, pending.table());
    }

    /** Runs the collected rebuild, if any. Called before anything that is not folded into it. */
    void flush() {
        if (pending != null) {
            TableRebuilder.Rebuild rebuild = pending;
            pending = null;
            runRebuild(rebuild);
        }
    }

    /** A rebuild of the operation's table, starting from the table as it is now. */
    protected abstract TableRebuilder.Rebuild startRebuild(Operation operation);

    protected abstract void runRebuild(TableRebuilder.Rebuild rebuild);

    /** Runs (or writes) one operation that needs no rebuild. */
    protected abstract void perform(Operation operation);

    @Override
    public String database() {
        return platform.id();
    }
}
