package dev.migrations;

import java.util.List;
import java.util.Set;

/**
 * One revision as the scripts declare it and where it stands in the graph: what {@code history},
 * {@code heads}, {@code branches} and {@code show} print.
 *
 * @param branchLabels the labels it declares and those it inherits along its branch
 * @param children the revisions whose down revision it is
 * @param head nothing follows it (through {@code down_revision} nor {@code depends_on})
 * @param effectiveHead only {@code depends_on} follows it: listed as a head, never stored as one
 */
public record RevisionInfo(
        String id,
        List<String> downRevisions,
        List<String> dependsOn,
        Set<String> branchLabels,
        List<String> children,
        String message,
        String createDate,
        String source,
        boolean transactional,
        boolean head,
        boolean effectiveHead) {

    public RevisionInfo {
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = Set.copyOf(branchLabels);
        children = List.copyOf(children);
    }

    public boolean base() {
        return downRevisions.isEmpty();
    }

    public boolean mergePoint() {
        return downRevisions.size() > 1;
    }

    public boolean branchPoint() {
        return children.size() > 1;
    }
}
