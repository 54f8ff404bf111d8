package dev.migrations;

import dev.migrations.api.HistoryRecord;
import dev.migrations.api.Validation;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.RevisionNode;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.ScriptDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applied revisions whose script changed since the last successful upgrade recorded for them. */
final class ChecksumDrift {

    private ChecksumDrift() {}

    static List<Validation.ChecksumMismatch> of(
            ScriptDirectory scripts, List<String> current, List<HistoryRecord> history) {
        Map<String, String> recorded = recorded(history);
        RevisionGraph graph = scripts.graph();
        List<RevisionNode> heads =
                current.stream().filter(graph::contains).map(graph::node).toList();
        Set<String> applied = new HashSet<>();
        graph.ancestors(heads, true).forEach(n -> applied.add(n.id()));
        List<Validation.ChecksumMismatch> mismatches = new ArrayList<>();
        for (RevisionNode node : graph.nodes()) {
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

    /** Each revision's checksum as its last successful upgrade recorded it: all the drift depends on. */
    static Map<String, String> recorded(List<HistoryRecord> history) {
        Map<String, String> recorded = new HashMap<>();
        for (HistoryRecord row : history) {
            if (row.success() && row.direction() == HistoryRecord.Direction.UPGRADE) {
                recorded.put(row.revision(), row.checksum());
            }
        }
        return recorded;
    }
}
