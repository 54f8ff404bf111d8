package dev.migrations.graph;

import dev.migrations.MigrationsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a target and the database's current heads into the ordered steps to run, exactly as
 * Alembic's {@code RevisionMap} does: parents before children, merges after all their parents,
 * downgrading one branch leaving the others alone, and the relative forms {@code +N}, {@code -N},
 * {@code rev+N}, {@code label@head-N}.
 */
public final class MigrationPlanner {

    private static final Pattern RELATIVE = Pattern.compile("^(?:(.+?)@)?(\\w+)?([+-]\\d+)");

    private final RevisionGraph graph;

    public MigrationPlanner(RevisionGraph graph) {
        this.graph = graph;
    }

    public RevisionGraph graph() {
        return graph;
    }

    // ---------------------------------------------------------------- upgrade

    /** The revisions to run, in order, to bring {@code currentHeads} up to {@code target}. */
    public List<Step.RevisionStep> upgrade(List<String> currentHeads, String target) {
        if (target != null && target.contains(":")) {
            throw new MigrationsException("Range revision not allowed: '" + target + "'. A start:end range"
                    + " is only for offline SQL (--sql); online, name the target only.");
        }
        try {
            List<RevisionNode> targets = parseUpgradeTarget(currentHeads, target);
            Set<RevisionNode> needs = upgradeSet(targets, graph.revisions(currentHeads), false);
            List<RevisionNode> sorted = topologicalSort(needs, targets);
            Collections.reverse(sorted);
            return sorted.stream().map(n -> new Step.RevisionStep(n, true)).toList();
        } catch (MultipleHeadsException e) {
            throw e;
        } catch (MigrationsException e) {
            throw rewrap("Destination " + target + " is not a valid upgrade target from current head(s)", e);
        }
    }

    /** Revisions above {@code lower} up to and including {@code targets}; the lower ones excluded. */
    Set<RevisionNode> upgradeSet(List<RevisionNode> targets, List<RevisionNode> lower, boolean inclusive) {
        Set<RevisionNode> required = new LinkedHashSet<>(
                graph.related(targets, RevisionNode::normalizedDownRevisions, true));
        Set<RevisionNode> current = graph.related(lower, RevisionNode::normalizedDownRevisions, true);
        required.removeAll(current);
        if (inclusive) {
            required.addAll(lower);
        }
        return required;
    }

    List<RevisionNode> parseUpgradeTarget(List<String> current, String target) {
        Matcher m = target == null ? null : RELATIVE.matcher(target);
        if (m == null || !m.find()) {
            return graph.revisions(target == null ? "heads" : target);
        }
        String branch = m.group(1);
        String symbol = m.group(2);
        int relative = Integer.parseInt(m.group(3));
        if (relative > 0) {
            if (symbol == null) {
                List<String> starts = current.isEmpty() ? Collections.singletonList(null) : current;
                if (branch != null) {
                    starts = startsOnBranch(current, branch);
                }
                if (starts.size() > 1) {
                    throw new MigrationsException("Ambiguous upgrade from multiple current revisions ("
                            + String.join(", ", starts) + "); name the target revision or use label@+N.");
                }
                String start = starts.get(0);
                RevisionGraph.Walked walked = graph.walk(start == null ? null : graph.node(start), relative,
                        branch, true);
                if (walked == null) {
                    throw new MigrationsException("Relative revision " + m.group(3) + " didn't produce "
                            + relative + " migrations");
                }
                return walked.node() == null ? List.of() : List.of(walked.node());
            }
            RevisionGraph.Walked walked = graph.walk(graph.revision(symbol), relative, branch, true);
            return walked == null || walked.node() == null ? List.of() : List.of(walked.node());
        }
        if (symbol == null) {
            throw new MigrationsException("Relative revision " + relative + " didn't produce "
                    + Math.abs(relative) + " migrations; upgrade takes +N (downgrade takes -N).");
        }
        RevisionNode start = graph.revision(branch == null ? symbol : branch + "@" + symbol);
        RevisionGraph.Walked walked = graph.walk(start, relative, null, true);
        if (walked == null) {
            throw new MigrationsException("Walked too far: " + target + " goes below base.");
        }
        return walked.node() == null ? List.of() : List.of(walked.node());
    }

    private List<String> startsOnBranch(List<String> current, String branch) {
        List<String> starts = graph.filterForLineage(current, branch);
        if (!starts.isEmpty()) {
            return starts;
        }
        // The branch is not among the heads: start from the tip of what is applied on it.
        Set<RevisionNode> active = graph.ancestors(graph.revisions(current), true);
        List<String> onBranch = graph.filterForLineage(active.stream().map(RevisionNode::id).toList(), branch);
        Set<String> tips = new LinkedHashSet<>(onBranch);
        for (String id : onBranch) {
            tips.removeAll(graph.node(id).normalizedDownRevisions());
        }
        return tips.isEmpty() ? Collections.singletonList(null) : new ArrayList<>(tips);
    }

    // ---------------------------------------------------------------- downgrade

    /** The revisions to undo, in order, to bring {@code currentHeads} down to {@code target}. */
    public List<Step.RevisionStep> downgrade(List<String> currentHeads, String target) {
        if (target != null && target.contains(":")) {
            throw new MigrationsException("Range revision not allowed: '" + target + "'. A start:end range"
                    + " is only for offline SQL (--sql); online, name the target only.");
        }
        try {
            List<RevisionNode> heads = graph.revisions(currentHeads);
            Set<RevisionNode> undo = downgradeSet(currentHeads, heads, target);
            return topologicalSort(undo, heads).stream().map(n -> new Step.RevisionStep(n, false)).toList();
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
    public List<Step.RevisionStep> undo(List<String> currentHeads, String revision) {
        RevisionNode node = graph.revision(revision);
        if (!currentHeads.contains(node.id())) {
            throw new MigrationsException("Cannot undo " + node.id() + " alone: it is not a current head (the database"
                    + " is at " + (currentHeads.isEmpty() ? "base" : String.join(", ", currentHeads)) + "). Only a"
                    + " revision with nothing applied above it can be undone by itself; downgrade to it first.");
        }
        return List.of(new Step.RevisionStep(node, false));
    }

    Set<RevisionNode> downgradeSet(List<String> currentHeads, List<RevisionNode> heads, String target) {
        DowngradeTarget parsed = parseDowngradeTarget(currentHeads, target);
        RevisionNode targetNode = parsed.node();
        List<RevisionNode> roots = new ArrayList<>();
        if (targetNode == null && parsed.branch() != null) {
            // label@base: the lowest revisions of that branch, so a branch that grew from a shared
            // trunk is removed without touching the trunk or its other branches.
            String label = graph.resolveBranch(parsed.branch()).branchLabels().stream().findFirst()
                    .orElse(parsed.branch());
            for (RevisionNode node : graph.nodes()) {
                if (node.branchLabels().contains(label) && node.downRevisions().stream()
                        .noneMatch(d -> graph.node(d).branchLabels().contains(label))) {
                    roots.add(node);
                }
            }
        } else if (targetNode == null) {
            for (String base : graph.bases()) {
                roots.add(graph.node(base));
            }
        } else {
            for (String child : targetNode.children) {
                roots.add(graph.node(child));
            }
        }
        if (parsed.branch() != null && roots.size() > 1) {
            Set<RevisionNode> onBranch = graph.ancestors(List.of(graph.resolveBranch(parsed.branch())), false);
            roots.retainAll(onBranch);
            if (roots.isEmpty()) {
                throw new MigrationsException("Not a valid downgrade target from current heads");
            }
        }
        Set<RevisionNode> undo = new LinkedHashSet<>(graph.descendants(roots, true));
        undo.retainAll(graph.ancestors(heads, true));
        if (targetNode != null && undo.isEmpty() && !heads.contains(targetNode)) {
            throw new MigrationsException("Nothing to drop: " + targetNode.id()
                    + " is not below the current heads (" + String.join(", ", currentHeads) + ")");
        }
        return undo;
    }

    record DowngradeTarget(String branch, RevisionNode node) {
    }

    DowngradeTarget parseDowngradeTarget(List<String> current, String target) {
        Matcher m = target == null ? null : RELATIVE.matcher(target);
        if (m != null && m.find()) {
            String branch = m.group(1);
            String symbol = m.group(2);
            int relative = Integer.parseInt(m.group(3));
            if (relative >= 0) {
                if (symbol == null) {
                    throw new MigrationsException("Relative revision " + m.group(3) + " didn't produce "
                            + relative + " migrations; downgrade takes -N (upgrade takes +N).");
                }
                RevisionGraph.Walked walked = graph.walk(graph.revision(symbol), relative, branch, true);
                if (walked == null) {
                    throw new MigrationsException("Walked too far: " + target);
                }
                return new DowngradeTarget(branch, walked.node());
            }
            boolean fromCurrent = symbol == null;
            if (fromCurrent) {
                if (branch != null) {
                    List<String> onBranch = graph.filterForLineage(current, branch);
                    if (onBranch.isEmpty()) {
                        throw new MigrationsException("No current revision is on branch '" + branch + "'");
                    }
                    symbol = onBranch.get(0);
                } else {
                    if (current.isEmpty()) {
                        throw new MigrationsException("Relative revision " + m.group(3) + " didn't produce "
                                + Math.abs(relative) + " migrations: the database is at base.");
                    }
                    if (new HashSet<>(current).size() > 1) {
                        throw new MigrationsException("downgrade " + target + " from multiple heads ("
                                + String.join(", ", current) + ") is ambiguous; use <head>" + target
                                + " or a branch label (label@" + target + ").");
                    }
                    symbol = current.get(0);
                    branch = symbol;
                }
            }
            RevisionNode start = graph.revision(branch == null ? symbol : branch + "@" + symbol);
            RevisionGraph.Walked walked = graph.walk(start, relative, null, true);
            if (walked == null) {
                throw new MigrationsException(fromCurrent
                        ? "Relative revision " + m.group(3) + " didn't produce " + Math.abs(relative) + " migrations"
                        : "Walked too far: " + target + " goes below base.");
            }
            return new DowngradeTarget(branch, walked.node());
        }
        if (target == null) {
            return new DowngradeTarget(null, null);
        }
        int at = target.lastIndexOf('@');
        String branch = at > 0 ? target.substring(0, at) : null;
        String symbol = at >= 0 ? target.substring(at + 1) : target;
        if ("base".equals(symbol)) {
            if (branch != null) {
                graph.resolveBranch(branch);
            }
            return new DowngradeTarget(branch, null);
        }
        return new DowngradeTarget(branch, graph.revision(target));
    }

    // ---------------------------------------------------------------- stamp

    /** The version-table moves that make the table hold {@code targets}, running nothing. */
    public List<Step.StampStep> stamp(List<String> currentHeads, List<String> targets) {
        List<String> symbols = targets.isEmpty() ? List.of("base") : targets;
        List<RevisionNode> filteredHeads = new ArrayList<>();
        for (String symbol : symbols) {
            for (String id : graph.filterForLineage(currentHeads, symbol, true)) {
                RevisionNode node = graph.node(id);
                if (!filteredHeads.contains(node)) {
                    filteredHeads.add(node);
                }
            }
        }
        List<RevisionNode> destinations = new ArrayList<>();
        for (String symbol : symbols) {
            try {
                destinations.addAll(graph.revisions(symbol));
            } catch (MultipleHeadsException e) {
                throw new MigrationsException("Multiple heads are present; please specify a single target"
                        + " revision (heads: " + String.join(", ", e.heads()) + ")", null, e);
            }
        }
        List<Step.StampStep> steps = new ArrayList<>();
        if (destinations.isEmpty()) {
            for (RevisionNode head : filteredHeads) {
                steps.add(new Step.StampStep(List.of(head.id()), List.of(), false, true));
            }
            return steps;
        }
        for (RevisionNode destination : destinations) {
            if (filteredHeads.contains(destination)) {
                continue;
            }
            Set<RevisionNode> descendants = graph.descendants(List.of(destination), true);
            Set<RevisionNode> ancestors = graph.ancestors(List.of(destination), true);
            List<String> from = filteredHeads.stream().map(RevisionNode::id).toList();
            if (filteredHeads.stream().anyMatch(descendants::contains)) {
                steps.add(new Step.StampStep(from, List.of(destination.id()), false, false));
            } else if (filteredHeads.stream().anyMatch(ancestors::contains)) {
                steps.add(new Step.StampStep(from, List.of(destination.id()), true, false));
            } else {
                steps.add(new Step.StampStep(List.of(), List.of(destination.id()), true, true));
            }
        }
        return steps;
    }

    // ---------------------------------------------------------------- walking for history and offline SQL

    /**
     * The revisions between {@code lower} and {@code upper} inclusive, newest first (the order of
     * {@code history}); either bound may be null for base or heads.
     */
    public List<RevisionNode> walk(String lower, String upper) {
        List<RevisionNode> targets = parseUpgradeTarget(List.of(), upper == null ? "heads" : upper);
        List<RevisionNode> lowerNodes = lower == null || "base".equals(lower) ? List.of() : graph.revisions(lower);
        Set<RevisionNode> set = upgradeSet(targets, lowerNodes, true);
        if (!lowerNodes.isEmpty()) {
            set.retainAll(graph.descendants(lowerNodes, false));
            if (set.isEmpty() || !set.containsAll(targets)) {
                throw new MigrationsException("Requested range " + lower + ":" + upper + " does not refer to"
                        + " ancestor/descendant revisions along the same branch");
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
        current.sort((a, b) -> Integer.compare(a.order, b.order));
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
            for (String id : candidate.normalizedDownRevisions()) {
                RevisionNode parent = graph.node(id);
                if (todo.contains(parent) && !current.contains(parent)) {
                    parents.add(parent);
                }
            }
            if (parents.isEmpty()) {
                current.remove(index);
                ancestorsByIndex.remove(index);
                index = Math.max(index - 1, 0);
            } else if (candidate.normalizedDependencies.isEmpty() && candidate.downRevisions().size() == 1) {
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

    private static MigrationsException rewrap(String prefix, MigrationsException e) {
        return new MigrationsException(prefix + ": " + e.getMessage(), e.revision(), e);
    }
}
