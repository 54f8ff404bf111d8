package dev.migrations.runtime;

import dev.migrations.api.Ops;
import dev.migrations.ddl.DdlRenderer;
import dev.migrations.ddl.Dialect;
import dev.migrations.ddl.SqliteRebuild;
import dev.migrations.ops.Operation;
import dev.migrations.ops.TableChanges;

/**
 * What online and offline operations share: rendering each operation for the dialect and, on
 * SQLite, collecting consecutive changes to one table into a single rebuild that runs when an
 * operation on something else arrives or the revision ends.
 */
abstract class OperationExecutor implements Ops {

    protected final DdlRenderer ddl;
    private SqliteRebuild pending;

    OperationExecutor(Dialect dialect) {
        this.ddl = DdlRenderer.of(dialect);
    }

    @Override
    public final void apply(Operation operation) {
        if (pending != null && TableChanges.folds(operation, pending.table())) {
            pending.add(operation);
            return;
        }
        flush();
        if (ddl.needsRebuild(operation)) {
            pending = startRebuild(operation);
            pending.add(operation);
            return;
        }
        perform(operation);
    }

    /** Runs the collected SQLite rebuild, if any. Called before anything that is not folded into it. */
    void flush() {
        if (pending != null) {
            SqliteRebuild rebuild = pending;
            pending = null;
            runRebuild(rebuild);
        }
    }

    /** A rebuild of the operation's table, starting from the table as it is now. */
    protected abstract SqliteRebuild startRebuild(Operation operation);

    protected abstract void runRebuild(SqliteRebuild rebuild);

    /** Runs (or writes) one operation that needs no rebuild. */
    protected abstract void perform(Operation operation);

    @Override
    public String database() {
        return ddl.dialect().id();
    }
}
