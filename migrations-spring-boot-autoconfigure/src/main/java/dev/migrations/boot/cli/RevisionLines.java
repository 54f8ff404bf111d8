package dev.migrations.boot.cli;

import dev.migrations.graph.RevisionNode;
import dev.migrations.script.MigrationScript;
import java.util.Collection;
import java.util.stream.Collectors;

/** Alembic's one-line and verbose descriptions of a revision, shared by every reading command. */
final class RevisionLines {

    private RevisionLines() {
    }

    /** What to show on one line, as Alembic's {@code cmd_format} options do. */
    record Style(boolean parents, boolean branches, boolean headIndicators, boolean treeIndicators, boolean doc) {

        static final Style CURRENT = new Style(false, false, true, true, false);
        static final Style HEADS = new Style(false, true, true, false, false);
        static final Style BRANCH = new Style(false, true, true, true, false);
        static final Style HISTORY = new Style(true, true, true, true, true);
    }

    static String line(MigrationScript script, Style style, boolean current) {
        RevisionNode node = script.node();
        StringBuilder text = new StringBuilder();
        if (style.parents()) {
            text.append(down(node));
            if (!node.dependsOn().isEmpty()) {
                text.append(" (").append(String.join(", ", node.dependsOn())).append(")");
            }
            text.append(" -> ");
        }
        text.append(node.id());
        if (style.branches() && !node.branchLabels().isEmpty()) {
            text.append(" (").append(comma(node.branchLabels())).append(")");
        }
        if (style.headIndicators() || style.treeIndicators()) {
            text.append(node.isRealHead() ? " (head)" : "");
            text.append(node.isHead() && !node.isRealHead() ? " (effective head)" : "");
        }
        if (style.treeIndicators()) {
            text.append(node.isBranchPoint() ? " (branchpoint)" : "");
            text.append(node.isMergePoint() ? " (mergepoint)" : "");
        }
        if (current) {
            text.append(" (current)");
        }
        if (style.doc()) {
            text.append(", ").append(script.message());
        }
        return text.toString();
    }

    /** Alembic's verbose block: the header lines, then the message and the header as in the file. */
    static String verbose(MigrationScript script, boolean current) {
        RevisionNode node = script.node();
        StringBuilder text = new StringBuilder("Rev: ").append(line(script, Style.CURRENT, current)).append('\n');
        if (node.isMergePoint()) {
            text.append("Merges: ").append(down(node)).append('\n');
        } else {
            text.append("Parent: ").append(down(node)).append('\n');
        }
        if (!node.dependsOn().isEmpty()) {
            text.append("Also depends on: ").append(String.join(", ", node.dependsOn())).append('\n');
        }
        if (node.isBranchPoint()) {
            text.append("Branches into: ").append(comma(node.children())).append('\n');
        }
        if (!node.branchLabels().isEmpty()) {
            text.append("Branch names: ").append(comma(node.branchLabels())).append('\n');
        }
        text.append("Path: ").append(script.source()).append("\n\n");
        text.append("    ").append(script.message()).append("\n\n");
        text.append("    Revision ID: ").append(node.id()).append('\n');
        text.append("    Revises: ").append(String.join(", ", node.downRevisions())).append('\n');
        text.append("    Create Date: ").append(script.createDate() == null ? "" : script.createDate()).append('\n');
        return text.toString();
    }

    private static String down(RevisionNode node) {
        return node.downRevisions().isEmpty() ? "<base>" : String.join(", ", node.downRevisions());
    }

    private static String comma(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
