package dev.migrations.internal.runtime;

import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.HeadMaintainer;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.Step;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.ScriptDirectory;
import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabasePlatform;
import java.time.Instant;
import java.util.List;

/**
 * Writes planned steps as one SQL script for a DBA to review and run: every revision's statements
 * and the version and history writes, each revision in its own BEGIN/COMMIT where DDL is
 * transactional. Nothing is read from a database.
 */
public final class OfflineRenderer {

    private final ScriptDirectory scripts;
    private final VersionStore store;

    public OfflineRenderer(ScriptDirectory scripts, VersionStore store) {
        this.scripts = scripts;
        this.store = store;
    }

    public String render(List<String> startHeads, List<? extends Step> steps, String title) throws Exception {
        StringBuilder out = new StringBuilder();
        DatabasePlatform platform = store.platform();
        out.append("-- ").append(title).append(" (").append(platform.id()).append(")\n\n");
        if (startHeads.isEmpty()) {
            for (String ddl : store.createStatements()) {
                out.append(ddl).append(";\n\n");
            }
        }
        RevisionGraph graph = scripts.graph();
        HeadMaintainer maintainer = new HeadMaintainer(graph, startHeads);
        OfflineOps ops = new OfflineOps(out, platform);
        for (Step step : steps) {
            MigrationScript script = step instanceof Step.RevisionStep rs
                    ? scripts.script(rs.node().id())
                    : null;
            boolean transaction =
                    platform.has(Capability.TRANSACTIONAL_DDL) && (script == null || script.transactional());
            if (script != null) {
                out.append("-- ")
                        .append(((Step.RevisionStep) step).describe(script.message()))
                        .append("\n\n");
            }
            if (transaction) {
                out.append("BEGIN;\n\n");
            }
            if (script != null) {
                try {
                    if (step.upgrade()) {
                        script.upgrade(ops);
                    } else {
                        script.downgrade(ops);
                    }
                    ops.finish();
                } catch (Exception e) {
                    throw new MigrationsException(
                            "Cannot write revision " + script.id() + " (" + script.source() + ") as SQL: "
                                    + e.getMessage(),
                            script.id(),
                            e);
                }
            }
            for (HeadMaintainer.Change change : maintainer.apply(step)) {
                out.append(store.render(change)).append(";\n\n");
            }
            String revision = script != null ? script.id() : String.join(",", step.toRevisions());
            HistoryRecord.Direction direction = script == null
                    ? HistoryRecord.Direction.STAMP
                    : step.upgrade() ? HistoryRecord.Direction.UPGRADE : HistoryRecord.Direction.DOWNGRADE;
            out.append(store.render(new HistoryRecord(
                            0,
                            revision,
                            script != null ? script.node().downRevisions() : step.fromRevisions(),
                            direction,
                            script != null ? script.message() : "stamp",
                            script != null ? script.checksum() : null,
                            Instant.now(),
                            0,
                            "offline",
                            true,
                            null)))
                    .append(";\n\n");
            if (transaction) {
                out.append("COMMIT;\n\n");
            }
        }
        return out.toString();
    }
}
