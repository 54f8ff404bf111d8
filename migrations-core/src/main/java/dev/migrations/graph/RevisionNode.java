package dev.migrations.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One revision in the graph: its id and the edges its header declares. The graph fills in the
 * derived parts (children, propagated branch labels, dependencies resolved to ids) when it is built.
 */
public final class RevisionNode {

    private final String id;
    private final List<String> downRevisions;
    private final List<String> dependsOn;
    private final Set<String> declaredBranchLabels;
    private final String source;

    // Derived by RevisionGraph.
    final Set<String> branchLabels = new LinkedHashSet<>();
    final Set<String> children = new LinkedHashSet<>();
    final Set<String> allChildren = new LinkedHashSet<>();
    List<String> resolvedDependencies = List.of();
    List<String> normalizedDependencies = List.of();
    int order;

    public RevisionNode(String id, List<String> downRevisions, List<String> dependsOn,
            List<String> branchLabels, String source) {
        this.id = id;
        this.downRevisions = List.copyOf(downRevisions);
        this.dependsOn = List.copyOf(dependsOn);
        this.declaredBranchLabels = Collections.unmodifiableSet(new LinkedHashSet<>(branchLabels));
        this.branchLabels.addAll(branchLabels);
        this.source = source;
    }

    /** Forgets what a previous graph derived, so one script can belong to several graphs in turn. */
    void resetDerived() {
        branchLabels.clear();
        branchLabels.addAll(declaredBranchLabels);
        children.clear();
        allChildren.clear();
        resolvedDependencies = List.of();
        normalizedDependencies = List.of();
    }

    public String id() {
        return id;
    }

    /** The declared parents; empty for a root, two or more for a merge. */
    public List<String> downRevisions() {
        return downRevisions;
    }

    /** {@code depends_on} exactly as declared (ids, prefixes or branch labels). */
    public List<String> dependsOn() {
        return dependsOn;
    }

    public Set<String> declaredBranchLabels() {
        return declaredBranchLabels;
    }

    /** Branch labels including those inherited along the branch. */
    public Set<String> branchLabels() {
        return Collections.unmodifiableSet(branchLabels);
    }

    /** Where the revision came from (file or class), for messages. */
    public String source() {
        return source;
    }

    /** Children through {@code down_revision} only. */
    public Set<String> children() {
        return Collections.unmodifiableSet(children);
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    boolean isRealBase() {
        return downRevisions.isEmpty() && dependsOn.isEmpty();
    }

    /** No child through {@code down_revision}. */
    public boolean isHead() {
        return children.isEmpty();
    }

    /** No child through {@code down_revision} nor {@code depends_on}. */
    public boolean isRealHead() {
        return allChildren.isEmpty();
    }

    /** A head that other revisions only depend on: listed by {@code heads}, never stored. */
    public boolean isEffectiveHead() {
        return isHead() && !isRealHead();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }

    public boolean isBranchPoint() {
        return children.size() > 1;
    }

    boolean isRealBranchPoint() {
        return allChildren.size() > 1;
    }

    /** Dependencies resolved to revision ids. */
    public List<String> resolvedDependencies() {
        return resolvedDependencies;
    }

    /** Parents plus the dependencies that no ancestor already implies. */
    public List<String> normalizedDownRevisions() {
        return concatDistinct(downRevisions, normalizedDependencies);
    }

    List<String> allDownRevisions() {
        return concatDistinct(downRevisions, resolvedDependencies);
    }

    private static List<String> concatDistinct(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    @Override
    public String toString() {
        return id;
    }
}
