package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.MultipleHeadsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves targets to revisions the way Alembic's revision map does: full ids, unique prefixes of
 * at least four characters, branch labels (also as prefixes), narrowing to a branch, and walks of
 * {@code N} steps up or down. Every error names what could not be found and what to do.
 */
final class TargetResolver {

    private final RevisionGraph graph;

    TargetResolver(RevisionGraph graph) {
        this.graph = graph;
    }

    List<RevisionNode> revisions(Target target) {
        if (target instanceof Target.Heads heads) {
            List<String> ids = heads.branch() != null
                    ? filterForLineage(graph.heads(), new Target.Revision(null, heads.branch()), false)
                    : graph.realHeads();
            return ids.stream().map(graph::node).toList();
        }
        if (target instanceof Target.Head head) {
            String id = currentHead(head.branch());
            return id == null ? List.of() : List.of(graph.node(id));
        }
        if (target instanceof Target.Base base) {
            if (base.branch() != null) {
                resolveBranch(base.branch());
            }
            return List.of();
        }
        if (target instanceof Target.Revision revision) {
            return List.of(revisionForIdent(revision.symbol(), revision.branch()));
        }
        if (target instanceof Target.Relative relative) {
            return relative(relative);
        }
        throw new IllegalArgumentException("'current' must be resolved against the database before the graph is asked");
    }

    /** A walk from an anchor, or down from the real heads (of the branch) when there is none. */
    private List<RevisionNode> relative(Target.Relative relative) {
        if (relative.anchor() == null) {
            if (relative.steps() > 0) {
                throw new MigrationsException("Relative revision " + relative + " counts from the database's"
                        + " current revision; name a revision to count from (rev+N).");
            }
            List<RevisionNode> result = new ArrayList<>();
            for (String head : graph.realHeads()) {
                RevisionNode node = graph.node(head);
                if (relative.branch() == null || graph.branchLabels(node).contains(relative.branch())) {
                    Walked walked = walk(node, relative.steps(), null, true);
                    if (walked != null && walked.node() != null) {
                        result.add(walked.node());
                    }
                }
            }
            return result;
        }
        Walked walked = walk(revision(relative.start()), relative.steps(), relative.branch(), true);
        if (walked == null) {
            throw new MigrationsException("Relative revision " + relative + " walks past the "
                    + (relative.steps() > 0 ? "heads" : "base") + ".");
        }
        return walked.node() == null ? List.of() : List.of(walked.node());
    }

    RevisionNode revision(Target target) {
        List<RevisionNode> nodes = revisions(target);
        if (nodes.size() > 1) {
            throw new MultipleHeadsException(
                    nodes.stream().map(RevisionNode::id).toList(), target.toString());
        }
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    /** The single head, on the given branch when one is named. */
    String currentHead(String branch) {
        List<String> candidates = branch == null
                ? graph.heads()
                : filterForLineage(graph.heads(), new Target.Revision(null, branch), false);
        if (candidates.size() > 1) {
            throw new MultipleHeadsException(candidates, branch != null ? branch + "@head" : "head");
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    RevisionNode revisionForIdent(String ident, String branch) {
        RevisionNode branchNode = branch != null ? resolveBranch(branch) : null;
        RevisionNode node = graph.node(ident);
        if (node == null) {
            node = graph.branchLabels().get(ident);
        }
        if (node == null) {
            List<String> matches = prefixMatches(ident);
            if (branchNode != null) {
                matches = filterForLineage(matches, new Target.Revision(null, branch), false);
            }
            if (matches.isEmpty()) {
                throw new MigrationsException(
                        "Can't locate revision identified by '" + ident + "': no"
                                + " such revision or branch"
                                + (ident.length() < 4
                                        ? "; please ensure at least four characters are present for partial"
                                                + " revision identifier matches"
                                        : "")
                                + ". Run `migrations history` to list the revisions.",
                        ident,
                        null);
            }
            if (matches.size() > 1) {
                throw new MigrationsException(
                        "Can't locate revision identified by '" + ident
                                + "': multiple revisions start with '" + ident + "': "
                                + matches.stream()
                                        .map(m ->
                                                "'" + m + "' (" + graph.node(m).source() + ")")
                                        .collect(Collectors.joining(", "))
                                + ". Give more characters of the id.",
                        ident,
                        null);
            }
            node = graph.node(matches.get(0));
        }
        if (branchNode != null && !sharesLineage(node, List.of(branchNode), false)) {
            throw new MigrationsException(
                    "Revision " + node.id() + " is not a member of branch '" + branch + "'", node.id(), null);
        }
        return node;
    }

    /** What {@code depends_on} names: an id, a branch label or a unique prefix. */
    RevisionNode dependency(RevisionNode node, String dep) {
        RevisionNode target = graph.node(dep);
        if (target == null) {
            target = graph.branchLabels().get(dep);
        }
        if (target == null) {
            List<String> matches = prefixMatches(dep);
            if (matches.size() == 1) {
                target = graph.node(matches.get(0));
            }
        }
        if (target == null) {
            throw new MigrationsException(
                    "Revision " + node.id() + " (" + node.source() + ") depends on '" + dep
                            + "', which is neither a revision nor a branch label.",
                    node.id(),
                    null);
        }
        if (target.equals(node)) {
            throw new MigrationsException(
                    "Dependency self-loop is detected in revisions (" + node.id() + "): revision " + node.id() + " ("
                            + node.source() + ") depends on itself.",
                    node.id(),
                    null);
        }
        return target;
    }

    private List<String> prefixMatches(String prefix) {
        List<String> matches = new ArrayList<>();
        if (prefix.length() < 4) {
            return matches;
        }
        for (RevisionNode node : graph.nodes()) {
            if (node.id().startsWith(prefix)) {
                matches.add(node.id());
            }
        }
        graph.branchLabels().forEach((label, node) -> {
            if (label.length() > 3 && label.startsWith(prefix) && !matches.contains(node.id())) {
                matches.add(node.id());
            }
        });
        return matches;
    }

    RevisionNode resolveBranch(String branch) {
        RevisionNode node = graph.branchLabels().get(branch);
        if (node != null) {
            return node;
        }
        try {
            return revisionForIdent(branch, null);
        } catch (MigrationsException e) {
            throw new MigrationsException("No such branch: '" + branch + "'", branch, e);
        }
    }

    /** Keeps the ids that share lineage (ancestor or descendant) with what the target names. */
    List<String> filterForLineage(Collection<String> ids, Target target, boolean includeDependencies) {
        List<RevisionNode> shares = new ArrayList<>();
        if (target.branch() != null) {
            shares.add(resolveBranch(target.branch()));
        }
        if (target instanceof Target.Revision revision) {
            shares.add(revisionForIdent(revision.symbol(), null));
        } else if (!(target instanceof Target.Base)) {
            shares.addAll(revisions(target));
        }
        List<String> result = new ArrayList<>();
        for (String id : ids) {
            if (sharesLineage(graph.node(id), shares, includeDependencies)) {
                result.add(id);
            }
        }
        return result;
    }

    boolean sharesLineage(RevisionNode node, Collection<RevisionNode> against, boolean includeDependencies) {
        if (against.isEmpty()) {
            return true;
        }
        Set<RevisionNode> family = new HashSet<>(graph.descendants(List.of(node), includeDependencies));
        family.addAll(graph.ancestors(List.of(node), includeDependencies));
        for (RevisionNode other : against) {
            if (family.contains(other)) {
                return true;
            }
        }
        return false;
    }

    /** The result of a relative walk: a node, or base ({@code node == null}). */
    record Walked(RevisionNode node) {}

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
                Collection<String> ids = current.node() == null ? graph.bases() : graph.children(current.node());
                for (String id : ids) {
                    next.add(graph.node(id));
                }
                if (branch != null) {
                    List<String> kept = filterForLineage(
                            next.stream().map(RevisionNode::id).toList(), new Target.Revision(null, branch), false);
                    next.removeIf(n -> !kept.contains(n.id()));
                }
            } else if (!atBase) {
                Collection<String> ids =
                        current.node() == null ? graph.heads() : current.node().downRevisions();
                for (String id : ids) {
                    next.add(graph.node(id));
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
}
