package dev.migrations.internal.runtime;

import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.schema.Table;
import java.util.Collection;
import java.util.List;

/**
 * Operations written as one database's SQL for a SQL revision file, starting from tables whose
 * definitions are known (the live schema autogenerate read), so that a change SQLite can only make
 * by rebuilding the table is written as the rebuild's statements, consecutive changes of one table
 * as one rebuild.
 */
public final class OperationsAsSql {

    private final StringBuilder out = new StringBuilder();
    private final OfflineOps ops;
    private final List<String> comments = new java.util.ArrayList<>();

    public OperationsAsSql(DatabasePlatform platform, Collection<Table> knownTables) {
        this.ops = new OfflineOps(out, platform);
        knownTables.forEach(ops::know);
    }

    /**
     * Writes the statements of {@code operation}, after the comments given for it. A step that
     * joins the rebuild of the steps before it has its comments written before that one rebuild.
     */
    public OperationsAsSql apply(Operation operation) {
        if (!ops.joinsPendingRebuild(operation)) {
            ops.finish();
        }
        comments.forEach(line -> out.append("-- ").append(line).append('\n'));
        comments.clear();
        ops.apply(operation);
        return this;
    }

    /** Comment lines for the next step. */
    public OperationsAsSql comment(List<String> lines) {
        comments.addAll(lines);
        return this;
    }

    /** The script so far, every pending rebuild written. */
    public String text() {
        ops.finish();
        comments.forEach(line -> out.append("-- ").append(line).append('\n'));
        comments.clear();
        return out.toString().stripTrailing();
    }

    /** The tables as the statements leave them, for the script that undoes them. */
    public Collection<Table> tablesAfter() {
        ops.finish();
        return List.copyOf(ops.known());
    }
}
