package dev.migrations;

import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionNode;
import dev.migrations.runtime.HistoryRecord;
import dev.migrations.script.MigrationScript;
import dev.migrations.script.ScriptDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a database stands, revision by revision: what an operator asks before touching anything.
 * Built from one read of the version and history tables; no lock is taken and nothing is created.
 *
 * @param currentHeads the version table's rows
 * @param scriptHeads the heads of the revision graph
 * @param pending the revisions an {@code upgrade heads} would run, in that order
 * @param revisions every revision in the scripts from base to heads, then those the database knows
 *     and the scripts do not
 * @param history every row of the history table, oldest first
 * @param checksumMismatches applied scripts edited since they ran (empty when checksums are not validated)
 */
public record DatabaseStatus(List<String> currentHeads, List<String> scriptHeads, List<String> pending,
        List<RevisionStatus> revisions, List<HistoryRecord> history,
        List<Validation.ChecksumMismatch> checksumMismatches) {

    /** What became of one revision in this database. */
    public enum State {
        /** Applied and its script unchanged. */
        APPLIED,
        /** Not applied; an upgrade to heads would run it. */
        PENDING,
        /** Not applied, and its last attempt failed. */
        FAILED,
        /** Applied, but its script changed since. */
        CHECKSUM_MISMATCH,
        /** Applied, but no script has this id any more. */
        MISSING_FROM_SCRIPTS
    }

    /** One revision: its header, where it came from and its state. */
    public record RevisionStatus(String id, State state, List<String> downRevisions, List<String> dependsOn,
            List<String> branchLabels, String message, String source, String createDate, String checksum) {
    }

    public boolean upToDate() {
        return pending.isEmpty() && new HashSet<>(currentHeads).equals(new HashSet<>(scriptHeads));
    }

    /** The revisions whose last attempt failed and which are not applied. */
    public List<RevisionStatus> failed() {
        return revisions.stream().filter(r -> r.state() == State.FAILED).toList();
    }

    public RevisionStatus revision(String id) {
        return revisions.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The history rows of one revision, oldest first. */
    public List<HistoryRecord> historyOf(String id) {
        return history.stream().filter(h -> h.revision().equals(id)).toList();
    }

    static DatabaseStatus of(ScriptDirectory scripts, List<String> current, List<String> pending,
            List<HistoryRecord> history, List<Validation.ChecksumMismatch> mismatches) {
        RevisionGraph graph = scripts.graph();
        List<RevisionNode> knownHeads = current.stream().filter(graph::contains).map(graph::node).toList();
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

        Map<String, RevisionStatus> revisions = new LinkedHashMap<>();
        for (RevisionNode node : baseToHeads(scripts)) {
            State state;
            if (applied.contains(node.id())) {
                state = drifted.contains(node.id()) ? State.CHECKSUM_MISMATCH : State.APPLIED;
            } else {
                HistoryRecord last = lastRun.get(node.id());
                state = last != null && !last.success() && last.direction() == HistoryRecord.Direction.UPGRADE
                        ? State.FAILED : State.PENDING;
            }
            MigrationScript script = scripts.script(node.id());
            revisions.put(node.id(), new RevisionStatus(node.id(), state, node.downRevisions(), node.dependsOn(),
                    List.copyOf(new TreeSet<>(node.branchLabels())), script.message(), script.source(),
                    script.createDate(), script.checksum()));
        }
        // Revisions the database holds that the deployed scripts lack: a newer deploy's, or deleted files.
        Set<String> missing = new LinkedHashSet<>();
        for (HistoryRecord row : history) {
            HistoryRecord last = lastRun.get(row.revision());
            if (!graph.contains(row.revision()) && last != null && last.success()
                    && last.direction() == HistoryRecord.Direction.UPGRADE) {
                missing.add(row.revision());
            }
        }
        current.stream().filter(id -> !graph.contains(id)).forEach(missing::add);
        for (String id : missing) {
            HistoryRecord last = lastRun.get(id);
            revisions.put(id, new RevisionStatus(id, State.MISSING_FROM_SCRIPTS,
                    last == null ? List.of() : last.downRevisions(), List.of(), List.of(),
                    last == null ? null : last.message(), null, null, last == null ? null : last.checksum()));
        }
        return new DatabaseStatus(List.copyOf(current), graph.realHeads(), List.copyOf(pending),
                List.copyOf(revisions.values()), List.copyOf(history), List.copyOf(mismatches));
    }

    /** Every revision in the order an upgrade from an empty database would run them. */
    private static List<RevisionNode> baseToHeads(ScriptDirectory scripts) {
        List<RevisionNode> ordered = new ArrayList<>();
        scripts.planner().upgrade(List.of(), "heads").forEach(step -> ordered.add(step.node()));
        return ordered;
    }
}
