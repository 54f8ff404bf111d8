package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The revision DAG with Alembic's semantics: heads and effective heads, bases, branch labels that
 * spread along their branch, and {@code depends_on} edges that order without versioning. The nodes
 * are the revisions' declared data; everything that follows from them all (children, inherited
 * labels, resolved dependencies) is kept here. Building it validates everything, so a bad script set
 * fails before any database work with a message naming the revision and its file. Targets are
 * resolved by {@link #revisions(Target)} and its kin.
 */
public final class RevisionGraph {

    /** What the graph knows of one node beyond its declaration. */
    private static final class Links {
        final int order;
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> allChildren = new LinkedHashSet<>();
        final Set<String> labels = new LinkedHashSet<>();
        List<String> resolvedDependencies = List.of();
        List<String> normalizedDependencies = List.of();

        Links(int order, List<String> declaredLabels) {
            this.order = order;
            labels.addAll(declaredLabels);
        }
    }

    private final Map<String, RevisionNode> byId = new LinkedHashMap<>();
    private final Map<String, Links> links = new LinkedHashMap<>();
    private final Map<String, RevisionNode> byLabel = new LinkedHashMap<>();
    private final List<String> heads = new ArrayList<>();
    private final List<String> realHeads = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final TargetResolver resolver = new TargetResolver(this);

    private RevisionGraph() {}

    /** Builds and validates the graph; nodes keep the given order for tie-breaking. */
    public static RevisionGraph of(List<RevisionNode> nodes) {
        RevisionGraph graph = new RevisionGraph();
        graph.build(nodes);
        return graph;
    }

    private void build(List<RevisionNode> nodes) {
        for (RevisionNode node : nodes) {
            RevisionIds.check(node);
            RevisionNode previous = byId.putIfAbsent(node.id(), node);
            if (previous != null) {
                throw new MigrationsException(
                        "Revision " + node.id() + " is defined twice: in "
                                + previous.source() + " and in " + node.source()
                                + ". Give one of them a new id (ids must be unique).",
                        node.id(),
                        null);
            }
            links.put(node.id(), new Links(links.size(), node.declaredBranchLabels()));
        }
        for (RevisionNode node : byId.values()) {
            for (String label : node.declaredBranchLabels()) {
                RevisionNode owner = byLabel.putIfAbsent(label, node);
                if (owner != null || byId.containsKey(label)) {
                    RevisionNode other = owner != null ? owner : byId.get(label);
                    throw new MigrationsException(
                            "Branch name '" + label + "' in revision " + node.id()
                                    + " (" + node.source() + ") already used by revision " + other.id() + " ("
                                    + other.source() + "). Choose another branch label.",
                            node.id(),
                            null);
                }
            }
        }
        for (RevisionNode node : byId.values()) {
            Set<String> resolved = new LinkedHashSet<>();
            for (String dep : node.dependsOn()) {
                resolved.add(resolver.dependency(node, dep).id());
            }
            links(node).resolvedDependencies = List.copyOf(resolved);
        }
        for (RevisionNode node : byId.values()) {
            for (String down : node.downRevisions()) {
                if (!byId.containsKey(down)) {
                    throw new MigrationsException(
                            "Revision " + node.id() + " (" + node.source()
                                    + ") names down revision '" + down + "', which is not present. Restore the"
                                    + " missing revision or correct down_revision.",
                            node.id(),
                            null);
                }
                links.get(down).children.add(node.id());
                links.get(down).allChildren.add(node.id());
            }
            for (String dep : links(node).resolvedDependencies) {
                links.get(dep).allChildren.add(node.id());
            }
        }
        for (RevisionNode node : byId.values()) {
            if (isHead(node)) {
                heads.add(node.id());
            }
            if (isRealHead(node)) {
                realHeads.add(node.id());
            }
            if (node.isBase()) {
                bases.add(node.id());
            }
        }
        detectCycles();
        normalizeDependencies();
        propagateBranchLabels();
    }

    /** Alembic's id rule: at most 32 characters, none of {@code @ - + :}, no surrounding spaces. */
    public static void requireValidId(String id, String source) {
        RevisionIds.requireValid(id, source);
    }

    /** Every node must lie between a base and a head; what does not is on a cycle. */
    private void detectCycles() {
        if (byId.isEmpty()) {
            return;
        }
        List<String> realBases = byId.values().stream()
                .filter(n -> n.isBase() && n.dependsOn().isEmpty())
                .map(RevisionNode::id)
                .toList();
        Cycles cycles = new Cycles(byId);
        cycles.requireNone(
                heads,
                bases,
                RevisionNode::downRevisions,
                n -> links(n).children,
                "Cycle",
                "Fix their down_revision so that the history has no loop.");
        cycles.requireNone(
                realHeads,
                realBases,
                this::allDownRevisions,
                n -> links(n).allChildren,
                "Dependency cycle",
                "Fix their depends_on.");
    }

    /** Drops dependencies an ancestor already declares, as Alembic does. */
    private void normalizeDependencies() {
        for (RevisionNode node : byId.values()) {
            Links own = links(node);
            if (own.resolvedDependencies.isEmpty()) {
                continue;
            }
            Set<String> normalized = new LinkedHashSet<>(own.resolvedDependencies);
            for (RevisionNode ancestor : ancestors(List.of(node), false)) {
                if (!ancestor.equals(node)) {
                    normalized.removeAll(links(ancestor).resolvedDependencies);
                }
            }
            own.normalizedDependencies = List.copyOf(normalized);
        }
    }

    /** Labels spread to every descendant, and down to the nearest branch or merge point. */
    private void propagateBranchLabels() {
        for (RevisionNode node : byId.values()) {
            if (node.declaredBranchLabels().isEmpty()) {
                continue;
            }
            for (RevisionNode descendant : descendants(List.of(node), false)) {
                links(descendant).labels.addAll(node.declaredBranchLabels());
            }
            RevisionNode parent = node;
            while (parent != null && links(parent).allChildren.size() <= 1 && !parent.isMergePoint()) {
                links(parent).labels.addAll(node.declaredBranchLabels());
                parent = parent.downRevisions().isEmpty()
                        ? null
                        : byId.get(parent.downRevisions().get(0));
            }
        }
    }

    private Links links(RevisionNode node) {
        return links.get(node.id());
    }

    // ---------------------------------------------------------------- structure

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    /** All nodes in script order. */
    public Collection<RevisionNode> nodes() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public RevisionNode node(String id) {
        return byId.get(id);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Heads including effective heads (only depended upon), as {@code heads} lists them. */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    /** Heads that nothing follows, the ones {@code heads} targets and the version table holds. */
    public List<String> realHeads() {
        return List.copyOf(realHeads);
    }

    public List<String> bases() {
        return List.copyOf(bases);
    }

    /** The labelled revisions, by the label they declare. */
    public Map<String, RevisionNode> branchLabels() {
        return Collections.unmodifiableMap(byLabel);
    }

    /** Children through {@code down_revision} only. */
    public Set<String> children(RevisionNode node) {
        return Collections.unmodifiableSet(links(node).children);
    }

    /** Children through {@code down_revision} and {@code depends_on}. */
    Set<String> allChildren(RevisionNode node) {
        return links(node).allChildren;
    }

    /** Branch labels including those inherited along the branch. */
    public Set<String> branchLabels(RevisionNode node) {
        return Collections.unmodifiableSet(links(node).labels);
    }

    /** No child through {@code down_revision}. */
    public boolean isHead(RevisionNode node) {
        return links(node).children.isEmpty();
    }

    /** No child through {@code down_revision} nor {@code depends_on}. */
    public boolean isRealHead(RevisionNode node) {
        return links(node).allChildren.isEmpty();
    }

    /** A head that other revisions only depend on: listed by {@code heads}, never stored. */
    public boolean isEffectiveHead(RevisionNode node) {
        return isHead(node) && !isRealHead(node);
    }

    public boolean isBranchPoint(RevisionNode node) {
        return links(node).children.size() > 1;
    }

    /** Dependencies resolved to revision ids. */
    public List<String> resolvedDependencies(RevisionNode node) {
        return links(node).resolvedDependencies;
    }

    /** Dependencies that no ancestor already implies. */
    List<String> normalizedDependencies(RevisionNode node) {
        return links(node).normalizedDependencies;
    }

    /** Parents plus the dependencies that no ancestor already implies. */
    public List<String> normalizedDownRevisions(RevisionNode node) {
        return concatDistinct(node.downRevisions(), links(node).normalizedDependencies);
    }

    List<String> allDownRevisions(RevisionNode node) {
        return concatDistinct(node.downRevisions(), links(node).resolvedDependencies);
    }

    /** The node's position among the scripts, for stable tie-breaking. */
    int order(RevisionNode node) {
        return links(node).order;
    }

    private static List<String> concatDistinct(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /** Ancestors including the nodes themselves; with dependencies follows {@code depends_on} too. */
    public Set<RevisionNode> ancestors(Collection<RevisionNode> from, boolean includeDependencies) {
        return related(from, includeDependencies ? this::normalizedDownRevisions : RevisionNode::downRevisions, false);
    }

    /** Descendants including the nodes themselves. */
    public Set<RevisionNode> descendants(Collection<RevisionNode> from, boolean includeDependencies) {
        return related(from, includeDependencies ? n -> links(n).allChildren : n -> links(n).children, false);
    }

    /**
     * Walks the relation from each start node; with {@code check}, a start node reached from another
     * one is an error, as in Alembic ("overlaps with other requested revisions").
     */
    Set<RevisionNode> related(
            Collection<RevisionNode> from, Function<RevisionNode, Collection<String>> next, boolean check) {
        Set<RevisionNode> seen = new LinkedHashSet<>();
        for (RevisionNode start : from) {
            Set<RevisionNode> perTarget = check ? new HashSet<>() : null;
            Deque<RevisionNode> todo = new ArrayDeque<>();
            todo.push(start);
            while (!todo.isEmpty()) {
                RevisionNode node = todo.pop();
                if (perTarget != null) {
                    perTarget.add(node);
                }
                if (!seen.add(node)) {
                    continue;
                }
                for (String id : next.apply(node)) {
                    todo.push(byId.get(id));
                }
            }
            if (perTarget != null) {
                perTarget.retainAll(from);
                perTarget.remove(start);
                if (!perTarget.isEmpty()) {
                    throw new MigrationsException("Requested revision " + start.id()
                            + " overlaps with other requested revisions "
                            + perTarget.stream().map(RevisionNode::id).sorted().collect(Collectors.joining(", ")));
                }
            }
        }
        return seen;
    }

    // ---------------------------------------------------------------- targets

    /** The nodes a target names; {@code base} is the empty list. */
    public List<RevisionNode> revisions(Target target) {
        return resolver.revisions(target);
    }

    /** The nodes several targets name, in order. */
    public List<RevisionNode> revisions(Collection<Target> targets) {
        List<RevisionNode> result = new ArrayList<>();
        for (Target target : targets) {
            result.addAll(revisions(target));
        }
        return result;
    }

    /** The nodes of revision ids (the version table's, say). */
    public List<RevisionNode> nodes(Collection<String> ids) {
        return ids.stream()
                .map(id -> resolver.revision(new Target.Revision(null, id)))
                .toList();
    }

    /** The single node a target names, or null for base; several are an error. */
    public RevisionNode revision(Target target) {
        return resolver.revision(target);
    }

    /** The single head, on the given branch when one is named; null for an empty graph. */
    public String currentHead(String branch) {
        return resolver.currentHead(branch);
    }

    /** Keeps the ids that share lineage (ancestor or descendant) with what the target names. */
    public List<String> filterForLineage(Collection<String> ids, Target target) {
        return resolver.filterForLineage(ids, target, false);
    }

    TargetResolver resolver() {
        return resolver;
    }
}
