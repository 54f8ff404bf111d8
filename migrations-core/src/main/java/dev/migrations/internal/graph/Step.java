package dev.migrations.internal.graph;

import java.util.List;

/**
 * One move of the version table: running a revision up or down, or a stamp that moves the heads
 * without running anything. The version-table rules (insert, update, delete, merge, unmerge) are
 * decided from this and the current heads.
 */
public sealed interface Step permits Step.RevisionStep, Step.StampStep {

    boolean upgrade();

    /** The heads this step starts from. */
    List<String> fromRevisions();

    /** The heads this step ends at. */
    List<String> toRevisions();

    /**
     * Running one revision's {@code upgrade} or {@code downgrade}.
     *
     * @param parents the revision's parents and the dependencies no ancestor implies
     */
    record RevisionStep(RevisionNode node, List<String> parents, boolean upgrade) implements Step {

        public RevisionStep {
            parents = List.copyOf(parents);
        }

        @Override
        public List<String> fromRevisions() {
            return upgrade ? parents : List.of(node.id());
        }

        @Override
        public List<String> toRevisions() {
            return upgrade ? List.of(node.id()) : parents;
        }

        /** Alembic's log line: {@code Running upgrade a -> b, message}. */
        public String describe(String message) {
            String down = node.downRevisions().isEmpty() ? "" : String.join(", ", parents);
            String arrow = upgrade ? down + " -> " + node.id() : node.id() + " -> " + down;
            return "Running " + (upgrade ? "upgrade " : "downgrade ") + arrow.strip()
                    + (message == null || message.isBlank() ? "" : ", " + message);
        }
    }

    /** Moving the heads without running code; {@code branchMove} inserts or deletes a branch row. */
    record StampStep(List<String> fromRevisions, List<String> toRevisions, boolean upgrade, boolean branchMove)
            implements Step {}
}
