package dev.migrations;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.graph.Step;
import dev.migrations.internal.graph.Target;
import dev.migrations.internal.runtime.OfflineRenderer;
import java.util.List;

/** {@code upgrade --sql} and {@code downgrade --sql}: the script a DBA runs, written without a connection. */
final class OfflineCommands {

    private final Engine engine;

    public OfflineCommands(Engine engine) {
        this.engine = engine;
    }

    /** The upgrade as a SQL script; range {@code [start:]end}, the start defaulting to base. */
    public String upgradeSql(String range) {
        Target.Range r = range != null && range.contains(":")
                ? Target.parseRange(range)
                : new Target.Range(Target.base(), Target.parse(range));
        List<String> start = ids(r.lower());
        Target end = r.upper() == null ? Target.heads() : r.upper();
        return render(start, engine.planner().upgrade(start, end), "upgrade " + (range == null ? "heads" : range));
    }

    /** The downgrade as a SQL script; the range {@code start:end} is required. */
    public String downgradeSql(String range) {
        if (range == null || !range.contains(":")) {
            throw new MigrationsException("downgrade with --sql requires <fromrev>:<torev>");
        }
        Target.Range r = Target.parseRange(range);
        List<String> start = ids(r.lower());
        Target end = r.upper() == null ? Target.heads() : r.upper();
        return render(start, engine.planner().downgrade(start, end), "downgrade " + range);
    }

    private List<String> ids(Target lower) {
        return lower == null
                ? List.of()
                : engine.graph().revisions(lower).stream().map(RevisionNode::id).toList();
    }

    private String render(List<String> start, List<? extends Step> steps, String title) {
        try {
            return new OfflineRenderer(engine.scripts(), engine.store(engine.offlinePlatform()))
                    .render(start, steps, "migrations " + title);
        } catch (MigrationsException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationsException("Offline SQL failed: " + e.getMessage(), e);
        }
    }
}
