package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Alembic's rules for the version table, one row per head: for each step it decides whether to
 * insert a row (a new branch), delete one (a branch closed), update one, merge several into one or
 * unmerge one into several. It only computes; the runtime writes the rows.
 */
public final class HeadMaintainer {

    /** One row change of the version table. */
    public sealed interface Change permits Insert, Update, Delete {}

    public record Insert(String version) implements Change {}

    public record Update(String from, String to) implements Change {}

    public record Delete(String version) implements Change {}

    private final RevisionGraph graph;
    private final Set<String> heads;

    public HeadMaintainer(RevisionGraph graph, List<String> heads) {
        this.graph = graph;
        this.heads = new LinkedHashSet<>(heads);
    }

    public List<String> heads() {
        return List.copyOf(heads);
    }

    /** The row changes for {@code step}, applied to the heads this maintainer tracks. */
    public List<Change> apply(Step step) {
        List<Change> changes = new ArrayList<>();
        if (step instanceof Step.RevisionStep rs) {
            applyRevision(rs, changes);
        } else {
            applyStamp((Step.StampStep) step, changes);
        }
        return changes;
    }

    private void applyRevision(Step.RevisionStep step, List<Change> changes) {
        RevisionNode node = step.node();
        List<String> down = step.parents();
        if (!step.upgrade()
                && heads.contains(node.id())
                && (down.isEmpty() || unmergeTargets(node, step.toRevisions()).isEmpty())) {
            delete(node.id(), changes);
        } else if (step.upgrade() && (down.isEmpty() || intersect(down).isEmpty())) {
            insert(node.id(), changes);
        } else if (step.upgrade() && down.size() > 1 && intersect(down).size() > 1) {
            List<String> from = mergeSources(step.fromRevisions());
            for (String id : from.subList(0, from.size() - 1)) {
                delete(id, changes);
            }
            update(from.get(from.size() - 1), node.id(), changes);
        } else if (!step.upgrade() && heads.contains(node.id()) && down.size() > 1) {
            List<String> to = unmergeTargets(node, step.toRevisions());
            for (String id : to.subList(0, to.size() - 1)) {
                insert(id, changes);
            }
            update(node.id(), to.get(to.size() - 1), changes);
        } else {
            String downRevision;
            if (down.size() == 1) {
                downRevision = down.get(0);
            } else {
                List<String> present = intersect(down);
                if (present.size() != 1) {
                    throw new MigrationsException(
                            "Can't update the version table for " + node.id()
                                    + ": its down revision is ambiguous among the current heads " + heads,
                            node.id(),
                            null);
                }
                downRevision = present.get(0);
            }
            if (step.upgrade()) {
                update(downRevision, node.id(), changes);
            } else {
                update(node.id(), downRevision, changes);
            }
        }
    }

    private void applyStamp(Step.StampStep step, List<Change> changes) {
        List<String> from = step.fromRevisions();
        List<String> to = step.toRevisions();
        if (!step.upgrade() && step.branchMove()) {
            delete(from.get(0), changes);
        } else if (step.upgrade() && (step.branchMove() || !heads.containsAll(from)) && !heads.containsAll(to)) {
            insert(to.get(0), changes);
        } else if (from.size() > 1) {
            for (String id : from.subList(0, from.size() - 1)) {
                delete(id, changes);
            }
            update(from.get(from.size() - 1), to.get(0), changes);
        } else if (to.size() > 1) {
            for (String id : to.subList(0, to.size() - 1)) {
                insert(id, changes);
            }
            update(from.get(0), to.get(to.size() - 1), changes);
        } else {
            update(from.get(0), to.get(0), changes);
        }
    }

    /** The parents of a merge still to be replaced: those no other head already implies. */
    private List<String> mergeSources(List<String> from) {
        Set<String> others = new LinkedHashSet<>(heads);
        others.removeAll(from);
        if (others.isEmpty()) {
            return from;
        }
        Set<String> implied = ids(graph.ancestors(graph.nodes(others), true));
        List<String> result = new ArrayList<>();
        for (String id : from) {
            if (!implied.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    /** Where a downgraded revision's row goes: parents not implied by the remaining heads. */
    private List<String> unmergeTargets(RevisionNode node, List<String> to) {
        Set<String> others = new LinkedHashSet<>(heads);
        others.remove(node.id());
        Set<String> implied = new HashSet<>();
        if (!others.isEmpty()) {
            implied = ids(graph.ancestors(graph.nodes(others), true));
        } else {
            for (String id : to) {
                for (RevisionNode ancestor : graph.ancestors(List.of(graph.node(id)), true)) {
                    if (!ancestor.id().equals(id)) {
                        implied.add(ancestor.id());
                    }
                }
            }
        }
        List<String> result = new ArrayList<>();
        for (String id : to) {
            if (!implied.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    private List<String> intersect(List<String> ids) {
        return ids.stream().filter(heads::contains).toList();
    }

    private static Set<String> ids(Set<RevisionNode> nodes) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        return ids;
    }

    private void insert(String version, List<Change> changes) {
        heads.add(version);
        changes.add(new Insert(version));
    }

    private void delete(String version, List<Change> changes) {
        heads.remove(version);
        changes.add(new Delete(version));
    }

    private void update(String from, String to, List<Change> changes) {
        heads.remove(from);
        heads.add(to);
        changes.add(new Update(from, to));
    }
}
