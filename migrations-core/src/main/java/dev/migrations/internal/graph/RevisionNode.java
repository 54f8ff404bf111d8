package dev.migrations.internal.graph;

import java.util.List;
import java.util.Objects;

/**
 * One revision as its header declares it: its id, parents, dependencies and branch labels, and
 * where it came from. Immutable; what follows from the other revisions (children, inherited labels,
 * heads) is the graph's to know. Two nodes are equal when their ids are.
 */
public final class RevisionNode {

    private final String id;
    private final List<String> downRevisions;
    private final List<String> dependsOn;
    private final List<String> branchLabels;
    private final String source;

    public RevisionNode(
            String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels, String source) {
        this.id = id;
        this.downRevisions = List.copyOf(downRevisions);
        this.dependsOn = List.copyOf(dependsOn);
        this.branchLabels = List.copyOf(branchLabels);
        this.source = source;
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

    /** The branch labels this revision declares (the graph also knows those it inherits). */
    public List<String> declaredBranchLabels() {
        return branchLabels;
    }

    /** Where the revision came from (file or class), for messages. */
    public String source() {
        return source;
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevisionNode node && Objects.equals(id, node.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
