package dev.migrations.graph;

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

    /** Running one revision's {@code upgrade} or {@code downgrade}. */
    record RevisionStep(RevisionNode node, boolean upgrade) implements Step {

        @Override
        public List<String> fromRevisions() {
            return upgrade ? node.normalizedDownRevisions() : List.of(node.id());
        }

        @Override
        public List<String> toRevisions() {
            return upgrade ? List.of(node.id()) : node.normalizedDownRevisions();
        }

        /** Alembic's log line: {@code Running upgrade a -> b, message}. */
        public String describe(String message) {
            String down = node.downRevisions().isEmpty() ? "" : String.join(", ", node.normalizedDownRevisions());
            String arrow = upgrade ? down + " -> " + node.id() : node.id() + " -> " + down;
            return "Running " + (upgrade ? "upgrade " : "downgrade ") + arrow.strip()
                    + (message == null || message.isBlank() ? "" : ", " + message);
        }
    }

    /** Moving the heads without running code; {@code branchMove} inserts or deletes a branch row. */
    record StampStep(List<String> fromRevisions, List<String> toRevisions, boolean upgrade, boolean branchMove)
            implements Step {
    }
}
