package dev.migrations.graph;

import dev.migrations.MigrationsException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The revision DAG with Alembic's semantics: heads and effective heads, bases, branch labels that
 * spread along their branch, {@code depends_on} edges that order without versioning, and the
 * identifier grammar ({@code head}, {@code heads}, {@code base}, prefixes, labels,
 * {@code label@head}). Building it validates everything, so a bad script set fails before any
 * database work with a message naming the revision and its file.
 */
public final class RevisionGraph {

    /** Characters Alembic forbids in ids because the target grammar uses them. */
    private static final Pattern ILLEGAL_ID_CHARS = Pattern.compile("[@\\-+:]");
    public static final int MAX_ID_LENGTH = 32;

    private final Map<String, RevisionNode> byId = new LinkedHashMap<>();
    private final Map<String, RevisionNode> byLabel = new LinkedHashMap<>();
    private final List<String> heads = new ArrayList<>();
    private final List<String> realHeads = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();

    private RevisionGraph() {
    }

    /** Builds and validates the graph; nodes keep the given order for tie-breaking. */
    public static RevisionGraph of(List<RevisionNode> nodes) {
        RevisionGraph graph = new RevisionGraph();
        graph.build(nodes);
        return graph;
    }

    private void build(List<RevisionNode> nodes) {
        int order = 0;
        for (RevisionNode node : nodes) {
            node.resetDerived();
            checkId(node);
            RevisionNode previous = byId.putIfAbsent(node.id(), node);
            if (previous != null) {
                throw new MigrationsException("Revision " + node.id() + " is defined twice: in "
                        + previous.source() + " and in " + node.source()
                        + ". Give one of them a new id (ids must be unique).", node.id(), null);
            }
            node.order = order++;
        }
        for (RevisionNode node : byId.values()) {
            for (String label : node.declaredBranchLabels()) {
                RevisionNode owner = byLabel.putIfAbsent(label, node);
                if (owner != null || byId.containsKey(label)) {
                    RevisionNode other = owner != null ? owner : byId.get(label);
                    throw new MigrationsException("Branch name '" + label + "' in revision " + node.id()
                            + " (" + node.source() + ") already used by revision " + other.id() + " ("
                            + other.source() + "). Choose another branch label.", node.id(), null);
                }
            }
        }
        for (RevisionNode node : byId.values()) {
            List<String> resolved = new ArrayList<>();
            for (String dep : node.dependsOn()) {
                RevisionNode target = lookupForDependency(node, dep);
                if (!resolved.contains(target.id())) {
                    resolved.add(target.id());
                }
            }
            node.resolvedDependencies = List.copyOf(resolved);
        }
        for (RevisionNode node : byId.values()) {
            for (String down : node.downRevisions()) {
                RevisionNode parent = byId.get(down);
                if (parent == null) {
                    throw new MigrationsException("Revision " + node.id() + " (" + node.source()
                            + ") names down revision '" + down + "', which is not present. Restore the"
                            + " missing revision or correct down_revision.", node.id(), null);
                }
                parent.children.add(node.id());
                parent.allChildren.add(node.id());
            }
            for (String dep : node.resolvedDependencies) {
                byId.get(dep).allChildren.add(node.id());
            }
        }
        for (RevisionNode node : byId.values()) {
            if (node.isHead()) {
                heads.add(node.id());
            }
            if (node.isRealHead()) {
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

    private static void checkId(RevisionNode node) {
        String id = node.id();
        if (id == null || id.isBlank()) {
            throw new MigrationsException("A revision in " + node.source() + " has no id. Add a"
                    + " revision id to its header.");
        }
        requireValidId(id, node.source());
        if (node.downRevisions().contains(id)) {
            throw new MigrationsException("Self-loop is detected in revisions (" + id + "): revision "
                    + id + " (" + node.source() + ") lists itself as its down revision.", id, null);
        }
        if (node.dependsOn().contains(id)) {
            throw new MigrationsException("Dependency self-loop is detected in revisions (" + id
                    + "): revision " + id + " (" + node.source() + ") depends on itself.", id, null);
        }
    }

    /** Alembic's id rule: at most 32 characters, none of {@code @ - + :}, no surrounding spaces. */
    public static void requireValidId(String id, String source) {
        if (ILLEGAL_ID_CHARS.matcher(id).find() || id.length() > MAX_ID_LENGTH || !id.equals(id.strip())) {
            throw new MigrationsException("Revision id '" + id + "' in " + source + " is not"
                    + " allowed: ids are at most " + MAX_ID_LENGTH + " characters without '@', '-', '+',"
                    + " ':' or surrounding spaces.", id, null);
        }
    }

    private RevisionNode lookupForDependency(RevisionNode node, String dep) {
        RevisionNode target = byId.get(dep);
        if (target == null) {
            target = byLabel.get(dep);
        }
        if (target == null) {
            List<String> matches = prefixMatches(dep);
            if (matches.size() == 1) {
                target = byId.get(matches.get(0));
            }
        }
        if (target == null) {
            throw new MigrationsException("Revision " + node.id() + " (" + node.source() + ") depends on '"
                    + dep + "', which is neither a revision nor a branch label.", node.id(), null);
        }
        if (target == node) {
            throw new MigrationsException("Dependency self-loop is detected in revisions (" + node.id()
                    + "): revision " + node.id() + " (" + node.source() + ") depends on itself.",
                    node.id(), null);
        }
        return target;
    }

    /** Every node must lie between a base and a head; what does not is on a cycle. */
    private void detectCycles() {
        if (byId.isEmpty()) {
            return;
        }
        Set<String> onCycle = unreachable(heads, bases, RevisionNode::downRevisions, n -> n.children);
        if (!onCycle.isEmpty()) {
            throw new MigrationsException("Cycle is detected in revisions (" + describe(onCycle)
                    + "). Fix their down_revision so that the history has no loop.",
                    onCycle.iterator().next(), null);
        }
        List<String> realBases = byId.values().stream().filter(RevisionNode::isRealBase)
                .map(RevisionNode::id).toList();
        Set<String> onDependencyCycle = unreachable(realHeads, realBases, RevisionNode::allDownRevisions,
                n -> n.allChildren);
        if (!onDependencyCycle.isEmpty()) {
            throw new MigrationsException("Dependency cycle is detected in revisions ("
                    + describe(onDependencyCycle) + "). Fix their depends_on.",
                    onDependencyCycle.iterator().next(), null);
        }
    }

    private Set<String> unreachable(List<String> tops, List<String> bottoms,
            Function<RevisionNode, Collection<String>> down, Function<RevisionNode, Collection<String>> up) {
        Set<String> fromTops = closure(tops, down);
        Set<String> fromBottoms = closure(bottoms, up);
        Set<String> result = new java.util.TreeSet<>();
        for (String id : byId.keySet()) {
            if (!fromTops.contains(id) || !fromBottoms.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    private Set<String> closure(Collection<String> start, Function<RevisionNode, Collection<String>> next) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(next.apply(byId.get(id)));
            }
        }
        return seen;
    }

    private String describe(Collection<String> ids) {
        return ids.stream().map(id -> id + " in " + byId.get(id).source()).collect(Collectors.joining(", "));
    }

    /** Drops dependencies an ancestor already declares, as Alembic does. */
    private void normalizeDependencies() {
        for (RevisionNode node : byId.values()) {
            if (node.resolvedDependencies.isEmpty()) {
                continue;
            }
            Set<String> normalized = new LinkedHashSet<>(node.resolvedDependencies);
            for (RevisionNode ancestor : ancestors(List.of(node), false)) {
                if (ancestor != node) {
                    normalized.removeAll(ancestor.resolvedDependencies);
                }
            }
            node.normalizedDependencies = List.copyOf(normalized);
        }
    }

    /** Labels spread to every descendant, and down to the nearest branch or merge point. */
    private void propagateBranchLabels() {
        for (RevisionNode node : byId.values()) {
            if (node.declaredBranchLabels().isEmpty()) {
                continue;
            }
            for (RevisionNode descendant : descendants(List.of(node), false)) {
                descendant.branchLabels.addAll(node.declaredBranchLabels());
            }
            RevisionNode parent = node;
            while (parent != null && !parent.isRealBranchPoint() && !parent.isMergePoint()) {
                parent.branchLabels.addAll(node.declaredBranchLabels());
                parent = parent.downRevisions().isEmpty() ? null : byId.get(parent.downRevisions().get(0));
            }
        }
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
        return byId.values();
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

    /** The labelled revisions, by label. */
    public Map<String, RevisionNode> branchLabels() {
        return java.util.Collections.unmodifiableMap(byLabel);
    }

    /** Ancestors including the nodes themselves; with dependencies follows {@code depends_on} too. */
    public Set<RevisionNode> ancestors(Collection<RevisionNode> from, boolean includeDependencies) {
        return related(from, includeDependencies ? RevisionNode::normalizedDownRevisions
                : RevisionNode::downRevisions, false);
    }

    /** Descendants including the nodes themselves. */
    public Set<RevisionNode> descendants(Collection<RevisionNode> from, boolean includeDependencies) {
        return related(from, includeDependencies ? n -> n.allChildren : n -> n.children, false);
    }

    /**
     * Walks the relation from each start node; with {@code check}, a start node reached from another
     * one is an error, as in Alembic ("overlaps with other requested revisions").
     */
    Set<RevisionNode> related(Collection<RevisionNode> from, Function<RevisionNode, Collection<String>> next,
            boolean check) {
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

    // ---------------------------------------------------------------- identifiers

    /** The ids a symbol stands for plus the branch it was narrowed to ({@code label@...}). */
    record Resolved(List<String> ids, String branch) {
    }

    Resolved resolveNumber(String symbol) {
        String branch = null;
        String id = symbol;
        if (symbol != null && symbol.contains("@")) {
            int at = symbol.indexOf('@');
            branch = symbol.substring(0, at);
            id = symbol.substring(at + 1);
        }
        if ("heads".equals(id)) {
            return new Resolved(branch != null ? filterForLineage(heads, branch) : List.copyOf(realHeads), branch);
        }
        if ("head".equals(id)) {
            String head = currentHead(branch);
            return new Resolved(head == null ? List.of() : List.of(head), branch);
        }
        if (id == null || "base".equals(id) || id.isEmpty()) {
            return new Resolved(List.of(), branch);
        }
        return new Resolved(List.of(id), branch);
    }

    /** The single head, on the given branch when one is named. */
    public String currentHead(String branch) {
        List<String> candidates = branch == null ? heads : filterForLineage(heads, branch);
        if (candidates.size() > 1) {
            throw new MultipleHeadsException(candidates, branch != null ? branch + "@head" : "head");
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** Resolves one symbol to nodes; {@code base} is the empty list. */
    public List<RevisionNode> revisions(String symbol) {
        Resolved resolved = resolveNumber(symbol);
        if (resolved.ids().size() == 1) {
            Integer steps = parseInt(resolved.ids().get(0));
            if (steps != null && steps < 0) {
                // "branch@-n": walk down from the heads of that branch.
                List<RevisionNode> result = new ArrayList<>();
                for (String head : realHeads) {
                    if (resolved.branch() == null || byId.get(head).branchLabels.contains(resolved.branch())) {
                        Walked walked = walk(byId.get(head), steps, null, true);
                        if (walked != null && walked.node() != null) {
                            result.add(walked.node());
                        }
                    }
                }
                return result;
            }
        }
        List<RevisionNode> result = new ArrayList<>();
        for (String id : resolved.ids()) {
            result.add(revisionForIdent(id, resolved.branch()));
        }
        return result;
    }

    /** Resolves several symbols to nodes. */
    public List<RevisionNode> revisions(Collection<String> symbols) {
        List<RevisionNode> result = new ArrayList<>();
        for (String symbol : symbols) {
            result.addAll(revisions(symbol));
        }
        return result;
    }

    /** Resolves a symbol that must name at most one revision; {@code null} for base. */
    public RevisionNode revision(String symbol) {
        Resolved resolved = resolveNumber(symbol);
        if (resolved.ids().size() > 1) {
            throw new MultipleHeadsException(resolved.ids(), symbol);
        }
        return resolved.ids().isEmpty() ? null : revisionForIdent(resolved.ids().get(0), resolved.branch());
    }

    RevisionNode revisionForIdent(String ident, String branch) {
        RevisionNode branchNode = branch != null ? resolveBranch(branch) : null;
        RevisionNode node = byId.get(ident);
        if (node == null) {
            node = byLabel.get(ident);
        }
        if (node == null) {
            List<String> matches = prefixMatches(ident);
            if (branchNode != null) {
                matches = filterForLineage(matches, branch);
            }
            if (matches.isEmpty()) {
                throw new MigrationsException("Can't locate revision identified by '" + ident + "': no"
                        + " such revision or branch" + (ident.length() < 4
                                ? "; please ensure at least four characters are present for partial"
                                        + " revision identifier matches"
                                : "") + ". Run `migrations history` to list the revisions.", ident, null);
            }
            if (matches.size() > 1) {
                throw new MigrationsException("Can't locate revision identified by '" + ident
                        + "': multiple revisions start with '" + ident + "': "
                        + matches.stream().map(m -> "'" + m + "' (" + byId.get(m).source() + ")")
                                .collect(Collectors.joining(", "))
                        + ". Give more characters of the id.", ident, null);
            }
            node = byId.get(matches.get(0));
        }
        if (branchNode != null && !sharesLineage(node, List.of(branchNode), false)) {
            throw new MigrationsException("Revision " + node.id() + " is not a member of branch '" + branch + "'",
                    node.id(), null);
        }
        return node;
    }

    private List<String> prefixMatches(String prefix) {
        List<String> matches = new ArrayList<>();
        if (prefix.length() < 4) {
            return matches;
        }
        for (String id : byId.keySet()) {
            if (id.startsWith(prefix)) {
                matches.add(id);
            }
        }
        for (String label : byLabel.keySet()) {
            if (label.length() > 3 && label.startsWith(prefix) && !matches.contains(byLabel.get(label).id())) {
                matches.add(byLabel.get(label).id());
            }
        }
        return matches;
    }

    RevisionNode resolveBranch(String branch) {
        RevisionNode node = byLabel.get(branch);
        if (node != null) {
            return node;
        }
        try {
            return revisionForIdent(branch, null);
        } catch (MigrationsException e) {
            throw new MigrationsException("No such branch: '" + branch + "'", branch, e);
        }
    }

    /** Keeps the ids that share lineage (ancestor or descendant) with what the symbol names. */
    public List<String> filterForLineage(Collection<String> ids, String checkAgainst) {
        return filterForLineage(ids, checkAgainst, false);
    }

    List<String> filterForLineage(Collection<String> ids, String checkAgainst, boolean includeDependencies) {
        Resolved resolved = resolveNumber(checkAgainst);
        List<RevisionNode> shares = new ArrayList<>();
        if (resolved.branch() != null) {
            shares.add(resolveBranch(resolved.branch()));
        }
        for (String id : resolved.ids()) {
            shares.add(revisionForIdent(id, null));
        }
        List<String> result = new ArrayList<>();
        for (String id : ids) {
            if (sharesLineage(byId.get(id), shares, includeDependencies)) {
                result.add(id);
            }
        }
        return result;
    }

    boolean sharesLineage(RevisionNode node, Collection<RevisionNode> against, boolean includeDependencies) {
        if (against.isEmpty()) {
            return true;
        }
        Set<RevisionNode> family = new HashSet<>(descendants(List.of(node), includeDependencies));
        family.addAll(ancestors(List.of(node), includeDependencies));
        for (RevisionNode other : against) {
            if (family.contains(other)) {
                return true;
            }
        }
        return false;
    }

    /** The result of a relative walk: a node, or base ({@code node == null}). */
    record Walked(RevisionNode node) {
    }

    /**
     * Walks {@code steps} up (positive) or down (negative) from {@code start} (null = below the
     * bases). Returns null when the walk runs off the graph and {@code noOverwalk} is set.
     */
    Walked walk(RevisionNode start, int steps, String branch, boolean noOverwalk) {
        Walked current = new Walked(start);
        boolean atBase = false;
        for (int i = 0; i < Math.abs(steps); i++) {
            List<RevisionNode> next = new ArrayList<>();
            boolean toBase = false;
            if (steps > 0) {
                Collection<String> ids = current.node() == null ? bases : current.node().children;
                for (String id : ids) {
                    next.add(byId.get(id));
                }
                if (branch != null) {
                    List<String> kept = filterForLineage(next.stream().map(RevisionNode::id).toList(), branch);
                    next.removeIf(n -> !kept.contains(n.id()));
                }
            } else if (!atBase) {
                Collection<String> ids = current.node() == null ? heads : current.node().downRevisions();
                for (String id : ids) {
                    next.add(byId.get(id));
                }
                toBase = next.isEmpty();
            }
            if (next.isEmpty() && !toBase) {
                return noOverwalk ? null : current;
            }
            if (next.size() > 1) {
                throw new MigrationsException("Ambiguous walk: "
                        + (current.node() == null ? "base" : current.node().id()) + " has several "
                        + (steps > 0 ? "children" : "parents") + " ("
                        + next.stream().map(RevisionNode::id).collect(Collectors.joining(", "))
                        + "); name the revision instead of a relative step.");
            }
            if (toBase) {
                atBase = true;
                current = new Walked(null);
            } else {
                current = new Walked(next.get(0));
            }
        }
        return current;
    }

    static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
