package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.MultipleHeadsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a target and the database's current heads into the ordered steps to run, exactly as
 * Alembic's {@code RevisionMap} does: parents before children, merges after all their parents,
 * downgrading one branch leaving the others alone, and the relative forms {@code +N}, {@code -N},
 * {@code rev+N}, {@code label@head-N}. Stamps are planned by {@link StampPlanner}.
 */
public final class MigrationPlanner {

    private final RevisionGraph graph;
    private final TargetResolver resolver;

    public MigrationPlanner(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = graph.resolver();
    }

    public RevisionGraph graph() {
        return graph;
    }

    // ---------------------------------------------------------------- upgrade

    /** The revisions to run, in order, to bring {@code currentHeads} up to {@code target}. */
    public List<Step.RevisionStep> upgrade(List<String> currentHeads, Target target) {
        try {
            List<RevisionNode> targets = upgradeTargets(currentHeads, target);
            Set<RevisionNode> needs = upgradeSet(targets, graph.nodes(currentHeads), false);
            List<RevisionNode> sorted = topologicalSort(needs, targets);
            Collections.reverse(sorted);
            return sorted.stream().map(n -> step(n, true)).toList();
        } catch (MultipleHeadsException e) {
            throw e;
        } catch (MigrationsException e) {
            throw rewrap("Destination " + target + " is not a valid upgrade target from current head(s)", e);
        }
    }

    private Step.RevisionStep step(RevisionNode node, boolean upgrade) {
        return new Step.RevisionStep(node, graph.normalizedDownRevisions(node), upgrade);
    }

    /** Revisions above {@code lower} up to and including {@code targets}; the lower ones excluded. */
    Set<RevisionNode> upgradeSet(List<RevisionNode> targets, List<RevisionNode> lower, boolean inclusive) {
        Set<RevisionNode> required = new LinkedHashSet<>(graph.related(targets, graph::normalizedDownRevisions, true));
        Set<RevisionNode> current = graph.related(lower, graph::normalizedDownRevisions, true);
        required.removeAll(current);
        if (inclusive) {
            required.addAll(lower);
        }
        return required;
    }

    /** What an upgrade aims at; {@code +N} counts from the current heads (of the branch). */
    List<RevisionNode> upgradeTargets(List<String> current, Target target) {
        if (!(target instanceof Target.Relative relative)) {
            return graph.revisions(target);
        }
        String branch = relative.branch();
        if (relative.steps() < 0) {
            if (relative.anchor() == null) {
                throw new MigrationsException("Relative revision " + relative + " didn't produce "
                        + Math.abs(relative.steps()) + " migrations; upgrade takes +N (downgrade takes -N).");
            }
            TargetResolver.Walked walked =
                    resolver.walk(graph.revision(relative.start()), relative.steps(), null, true);
            if (walked == null) {
                throw new MigrationsException("Walked too far: " + target + " goes below base.");
            }
            return walked.node() == null ? List.of() : List.of(walked.node());
        }
        RevisionNode start;
        if (relative.anchor() != null) {
            start = graph.revision(Target.symbol(null, relative.anchor()));
        } else {
            List<String> starts = current.isEmpty() ? Collections.singletonList(null) : current;
            if (branch != null) {
                starts = startsOnBranch(current, branch);
            }
            if (starts.size() > 1) {
                throw new MigrationsException("Ambiguous upgrade from multiple current revisions ("
                        + String.join(", ", starts) + "); name the target revision or use label@+N.");
            }
            start = starts.get(0) == null ? null : graph.node(starts.get(0));
        }
        TargetResolver.Walked walked = resolver.walk(start, relative.steps(), branch, true);
        if (walked == null) {
            throw new MigrationsException(
                    "Relative revision " + relative + " didn't produce " + relative.steps() + " migrations");
        }
        return walked.node() == null ? List.of() : List.of(walked.node());
    }

    private List<String> startsOnBranch(List<String> current, String branch) {
        Target onBranch = new Target.Revision(null, branch);
        List<String> starts = resolver.filterForLineage(current, onBranch, false);
        if (!starts.isEmpty()) {
            return starts;
        }
        // The branch is not among the heads: start from the tip of what is applied on it.
        Set<RevisionNode> active = graph.ancestors(graph.nodes(current), true);
        List<String> applied =
                resolver.filterForLineage(active.stream().map(RevisionNode::id).toList(), onBranch, false);
        Set<String> tips = new LinkedHashSet<>(applied);
        for (String id : applied) {
            tips.removeAll(graph.normalizedDownRevisions(graph.node(id)));
        }
        return tips.isEmpty() ? Collections.singletonList(null) : new ArrayList<>(tips);
    }

    // ---------------------------------------------------------------- downgrade

    /** The revisions to undo, in order, to bring {@code currentHeads} down to {@code target}. */
    public List<Step.RevisionStep> downgrade(List<String> currentHeads, Target target) {
        try {
            List<RevisionNode> heads = graph.nodes(currentHeads);
            Set<RevisionNode> undo = downgradeSet(currentHeads, heads, downgradeTarget(currentHeads, target));
            return topologicalSort(undo, heads).stream()
                    .map(n -> step(n, false))
                    .toList();
        } catch (MultipleHeadsException e) {
            throw e;
        } catch (MigrationsException e) {
            throw rewrap("Destination " + target + " is not a valid downgrade target from current head(s)", e);
        }
    }

    /**
     * Undoes exactly {@code revision} and nothing else: it must be applied with nothing applied above
     * it (a current head). Unlike {@code rev-1}, which also undoes sibling branches grown from the same
     * parent, this leaves every other branch as it is; a merge comes apart into its parents.
     */
    public List<Step.RevisionStep> undo(List<String> currentHeads, Target revision) {
        RevisionNode node = graph.revision(revision);
        if (node == null || !currentHeads.contains(node.id())) {
            throw new MigrationsException("Cannot undo " + revision + " alone: it is not a current head (the"
                    + " database is at " + (currentHeads.isEmpty() ? "base" : String.join(", ", currentHeads))
                    + "). Only a revision with nothing applied above it can be undone by itself; downgrade to it"
                    + " first.");
        }
        return List.of(step(node, false));
    }

    /**
     * Where a downgrade goes: a revision, or base when {@code node} is null. {@code label} narrows to
     * a branch ({@code label@base}, {@code label@-1}); {@code lineage} to the ancestry of the head a
     * relative step counted from.
     */
    record DowngradeTarget(RevisionNode node, String label, RevisionNode lineage) {}

    Set<RevisionNode> downgradeSet(List<String> currentHeads, List<RevisionNode> heads, DowngradeTarget target) {
        RevisionNode targetNode = target.node();
        List<RevisionNode> roots = new ArrayList<>();
        if (targetNode == null && target.label() != null) {
            // label@base: the lowest revisions of that branch, so a branch that grew from a shared
            // trunk is removed without touching the trunk or its other branches.
            String label = graph.branchLabels(resolver.resolveBranch(target.label())).stream()
                    .findFirst()
                    .orElse(target.label());
            for (RevisionNode node : graph.nodes()) {
                if (graph.branchLabels(node).contains(label)
                        && node.downRevisions().stream()
                                .noneMatch(
                                        d -> graph.branchLabels(graph.node(d)).contains(label))) {
                    roots.add(node);
                }
            }
        } else if (targetNode == null) {
            for (String base : graph.bases()) {
                roots.add(graph.node(base));
            }
        } else {
            for (String child : graph.children(targetNode)) {
                roots.add(graph.node(child));
            }
        }
        RevisionNode narrowTo = target.label() != null ? resolver.resolveBranch(target.label()) : target.lineage();
        if (narrowTo != null && roots.size() > 1) {
            roots.retainAll(graph.ancestors(List.of(narrowTo), false));
            if (roots.isEmpty()) {
                throw new MigrationsException("Not a valid downgrade target from current heads");
            }
        }
        Set<RevisionNode> undo = new LinkedHashSet<>(graph.descendants(roots, true));
        undo.retainAll(graph.ancestors(heads, true));
        if (targetNode != null && undo.isEmpty() && !heads.contains(targetNode)) {
            throw new MigrationsException("Nothing to drop: " + targetNode.id() + " is not below the current heads ("
                    + String.join(", ", currentHeads) + ")");
        }
        return undo;
    }

    DowngradeTarget downgradeTarget(List<String> current, Target target) {
        if (target instanceof Target.Base base) {
            if (base.branch() != null) {
                resolver.resolveBranch(base.branch());
            }
            return new DowngradeTarget(null, base.branch(), null);
        }
        if (!(target instanceof Target.Relative relative)) {
            return new DowngradeTarget(graph.revision(target), target.branch(), null);
        }
        String branch = relative.branch();
        if (relative.steps() >= 0) {
            if (relative.anchor() == null) {
                throw new MigrationsException("Relative revision " + relative + " didn't produce " + relative.steps()
                        + " migrations; downgrade takes -N (upgrade takes +N).");
            }
            TargetResolver.Walked walked = resolver.walk(
                    graph.revision(Target.symbol(null, relative.anchor())), relative.steps(), branch, true);
            if (walked == null) {
                throw new MigrationsException("Walked too far: " + target);
            }
            return new DowngradeTarget(walked.node(), branch, null);
        }
        RevisionNode start;
        RevisionNode lineage = null;
        if (relative.anchor() != null) {
            start = graph.revision(relative.start());
        } else if (branch != null) {
            List<String> onBranch = resolver.filterForLineage(current, new Target.Revision(null, branch), false);
            if (onBranch.isEmpty()) {
                throw new MigrationsException("No current revision is on branch '" + branch + "'");
            }
            start = resolver.revisionForIdent(onBranch.get(0), branch);
        } else {
            if (current.isEmpty()) {
                throw new MigrationsException("Relative revision " + relative + " didn't produce "
                        + Math.abs(relative.steps()) + " migrations: the database is at base.");
            }
            if (new HashSet<>(current).size() > 1) {
                throw new MigrationsException("downgrade " + target + " from multiple heads ("
                        + String.join(", ", current) + ") is ambiguous; use <head>" + target
                        + " or a branch label (label@" + target + ").");
            }
            start = graph.node(current.get(0));
            lineage = start;
        }
        TargetResolver.Walked walked = resolver.walk(start, relative.steps(), null, true);
        if (walked == null) {
            throw new MigrationsException(
                    relative.anchor() == null
                            ? "Relative revision " + relative + " didn't produce " + Math.abs(relative.steps())
                                    + " migrations: the database is only "
                                    + (graph.ancestors(List.of(start), false).size())
                                    + " revision(s) above base on that branch."
                            : "Walked too far: " + target + " goes below base.");
        }
        return new DowngradeTarget(walked.node(), branch, lineage);
    }

    // ---------------------------------------------------------------- walking for history and offline SQL

    /**
     * The revisions between {@code lower} and {@code upper} inclusive, newest first (the order of
     * {@code history}); either bound may be null for base or heads.
     */
    public List<RevisionNode> walk(Target lower, Target upper) {
        List<RevisionNode> targets = upgradeTargets(List.of(), upper == null ? Target.heads() : upper);
        List<RevisionNode> lowerNodes =
                lower == null || lower instanceof Target.Base ? List.of() : graph.revisions(lower);
        Set<RevisionNode> set = upgradeSet(targets, lowerNodes, true);
        if (!lowerNodes.isEmpty()) {
            set.retainAll(graph.descendants(lowerNodes, false));
            if (set.isEmpty() || !set.containsAll(targets)) {
                throw new MigrationsException("Requested range " + new Target.Range(lower, upper) + " does not"
                        + " refer to ancestor/descendant revisions along the same branch");
            }
        }
        return topologicalSort(set, targets);
    }

    // ---------------------------------------------------------------- ordering

    /**
     * Alembic's topological sort, newest first: walk down from each head as far as possible,
     * switching to another head whenever that head still needs the candidate.
     */
    List<RevisionNode> topologicalSort(Collection<RevisionNode> revisions, Collection<RevisionNode> startHeads) {
        Set<RevisionNode> todo = new HashSet<>(revisions);
        List<RevisionNode> current = new ArrayList<>();
        for (RevisionNode head : startHeads) {
            if (todo.contains(head) && !current.contains(head)) {
                current.add(head);
            }
        }
        current.sort((a, b) -> Integer.compare(graph.order(a), graph.order(b)));
        List<Set<RevisionNode>> ancestorsByIndex = new ArrayList<>();
        for (RevisionNode head : current) {
            ancestorsByIndex.add(new HashSet<>(graph.ancestors(List.of(head), true)));
        }
        List<RevisionNode> output = new ArrayList<>(todo.size());
        int index = 0;
        while (!current.isEmpty()) {
            RevisionNode candidate = current.get(index);
            int blockedBy = -1;
            for (int i = 0; i < ancestorsByIndex.size(); i++) {
                if (i != index && ancestorsByIndex.get(i).contains(candidate)) {
                    blockedBy = i;
                    break;
                }
            }
            if (blockedBy >= 0) {
                index = blockedBy;
                continue;
            }
            if (todo.remove(candidate)) {
                output.add(candidate);
            }
            List<RevisionNode> parents = new ArrayList<>();
            for (String id : graph.normalizedDownRevisions(candidate)) {
                RevisionNode parent = graph.node(id);
                if (todo.contains(parent) && !current.contains(parent)) {
                    parents.add(parent);
                }
            }
            if (parents.isEmpty()) {
                current.remove(index);
                ancestorsByIndex.remove(index);
                index = Math.max(index - 1, 0);
            } else if (graph.normalizedDependencies(candidate).isEmpty()
                    && candidate.downRevisions().size() == 1) {
                current.set(index, parents.get(0));
                ancestorsByIndex.get(index).remove(candidate);
            } else {
                current.set(index, parents.get(0));
                ancestorsByIndex.set(index, new HashSet<>(graph.ancestors(List.of(parents.get(0)), true)));
                for (RevisionNode extra : parents.subList(1, parents.size())) {
                    current.add(extra);
                    ancestorsByIndex.add(new HashSet<>(graph.ancestors(List.of(extra), true)));
                }
            }
        }
        if (!todo.isEmpty()) {
            throw new IllegalStateException("revisions left unsorted: " + todo);
        }
        return output;
    }

    static MigrationsException rewrap(String prefix, MigrationsException e) {
        return new MigrationsException(prefix + ": " + e.getMessage(), e.revision(), e);
    }
}
