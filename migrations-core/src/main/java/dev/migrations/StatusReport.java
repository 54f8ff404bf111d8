package dev.migrations;

import dev.migrations.api.HistoryRecord;
import dev.migrations.api.Validation;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.graph.Target;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.ScriptDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds the operator's view of a database: every revision's state, from one read of the tables. */
final class StatusReport {

    private StatusReport() {}

    static DatabaseStatus of(
            Engine engine,
            List<String> current,
            List<String> pending,
            List<HistoryRecord> history,
            List<Validation.ChecksumMismatch> mismatches) {
        ScriptDirectory scripts = engine.scripts();
        RevisionGraph graph = scripts.graph();
        List<RevisionNode> knownHeads =
                current.stream().filter(graph::contains).map(graph::node).toList();
        Set<String> applied = new HashSet<>();
        graph.ancestors(knownHeads, true).forEach(n -> applied.add(n.id()));
        Set<String> drifted = new HashSet<>();
        mismatches.forEach(m -> drifted.add(m.revision()));
        Map<String, HistoryRecord> lastRun = new HashMap<>();
        for (HistoryRecord row : history) {
            if (row.direction() != HistoryRecord.Direction.STAMP) {
                lastRun.put(row.revision(), row);
            }
        }

        Map<String, DatabaseStatus.RevisionStatus> revisions = new LinkedHashMap<>();
        for (RevisionNode node : baseToHeads(engine)) {
            DatabaseStatus.State state;
            if (applied.contains(node.id())) {
                state = drifted.contains(node.id())
                        ? DatabaseStatus.State.CHECKSUM_MISMATCH
                        : DatabaseStatus.State.APPLIED;
            } else {
                HistoryRecord last = lastRun.get(node.id());
                // a failed downgrade of a revision that is not applied is an undo of a partly applied one
                // that stopped part way: still partly applied
                boolean failed = last != null
                        && !last.success()
                        && (last.direction() == HistoryRecord.Direction.UPGRADE || last.partiallyApplied());
                state = !failed
                        ? DatabaseStatus.State.PENDING
                        : last.partiallyApplied()
                                ? DatabaseStatus.State.PARTIALLY_APPLIED
                                : DatabaseStatus.State.FAILED;
            }
            MigrationScript script = scripts.script(node.id());
            revisions.put(
                    node.id(),
                    new DatabaseStatus.RevisionStatus(
                            node.id(),
                            state,
                            node.downRevisions(),
                            node.dependsOn(),
                            List.copyOf(new TreeSet<>(graph.branchLabels(node))),
                            script.message(),
                            script.source(),
                            script.createDate(),
                            script.checksum()));
        }
        // Revisions the database holds that the deployed scripts lack: a newer deploy's, or deleted files.
        Set<String> missing = new LinkedHashSet<>();
        for (HistoryRecord row : history) {
            HistoryRecord last = lastRun.get(row.revision());
            if (!graph.contains(row.revision())
                    && last != null
                    && last.success()
                    && last.direction() == HistoryRecord.Direction.UPGRADE) {
                missing.add(row.revision());
            }
        }
        current.stream().filter(id -> !graph.contains(id)).forEach(missing::add);
        for (String id : missing) {
            HistoryRecord last = lastRun.get(id);
            revisions.put(
                    id,
                    new DatabaseStatus.RevisionStatus(
                            id,
                            DatabaseStatus.State.MISSING_FROM_SCRIPTS,
                            last == null ? List.of() : last.downRevisions(),
                            List.of(),
                            List.of(),
                            last == null ? null : last.message(),
                            null,
                            null,
                            last == null ? null : last.checksum()));
        }
        return new DatabaseStatus(
                List.copyOf(current),
                graph.realHeads(),
                List.copyOf(pending),
                List.copyOf(revisions.values()),
                List.copyOf(history),
                List.copyOf(mismatches));
    }

    /** Every revision in the order an upgrade from an empty database would run them. */
    private static List<RevisionNode> baseToHeads(Engine engine) {
        List<RevisionNode> ordered = new ArrayList<>();
        engine.planner().upgrade(List.of(), Target.heads()).forEach(step -> ordered.add(step.node()));
        return ordered;
    }
}
