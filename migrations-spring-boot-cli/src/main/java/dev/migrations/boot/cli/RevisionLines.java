package dev.migrations.boot.cli;

import dev.migrations.RevisionInfo;
import java.util.Collection;
import java.util.stream.Collectors;

/** Alembic's one-line and verbose descriptions of a revision, shared by every reading command. */
final class RevisionLines {

    private RevisionLines() {}

    /** What to show on one line, as Alembic's {@code cmd_format} options do. */
    record Style(boolean parents, boolean branches, boolean headIndicators, boolean treeIndicators, boolean doc) {

        static final Style CURRENT = new Style(false, false, true, true, false);
        static final Style HEADS = new Style(false, true, true, false, false);
        static final Style BRANCH = new Style(false, true, true, true, false);
        static final Style HISTORY = new Style(true, true, true, true, true);
    }

    static String line(RevisionInfo revision, Style style, boolean current) {
        StringBuilder text = new StringBuilder();
        if (style.parents()) {
            text.append(down(revision));
            if (!revision.dependsOn().isEmpty()) {
                text.append(" (")
                        .append(String.join(", ", revision.dependsOn()))
                        .append(")");
            }
            text.append(" -> ");
        }
        text.append(revision.id());
        if (style.branches() && !revision.branchLabels().isEmpty()) {
            text.append(" (").append(comma(revision.branchLabels())).append(")");
        }
        if (style.headIndicators() || style.treeIndicators()) {
            text.append(revision.head() ? " (head)" : "");
            text.append(revision.effectiveHead() ? " (effective head)" : "");
        }
        if (style.treeIndicators()) {
            text.append(revision.branchPoint() ? " (branchpoint)" : "");
            text.append(revision.mergePoint() ? " (mergepoint)" : "");
        }
        if (current) {
            text.append(" (current)");
        }
        if (style.doc()) {
            text.append(", ").append(revision.message());
        }
        return text.toString();
    }

    /** Alembic's verbose block: the header lines, then the message and the header as in the file. */
    static String verbose(RevisionInfo revision, boolean current) {
        StringBuilder text = new StringBuilder("Rev: ")
                .append(line(revision, Style.CURRENT, current))
                .append('\n');
        text.append(revision.mergePoint() ? "Merges: " : "Parent: ")
                .append(down(revision))
                .append('\n');
        if (!revision.dependsOn().isEmpty()) {
            text.append("Also depends on: ")
                    .append(String.join(", ", revision.dependsOn()))
                    .append('\n');
        }
        if (revision.branchPoint()) {
            text.append("Branches into: ").append(comma(revision.children())).append('\n');
        }
        if (!revision.branchLabels().isEmpty()) {
            text.append("Branch names: ").append(comma(revision.branchLabels())).append('\n');
        }
        text.append("Path: ").append(revision.source()).append("\n\n");
        text.append("    ").append(revision.message()).append("\n\n");
        text.append("    Revision ID: ").append(revision.id()).append('\n');
        text.append("    Revises: ")
                .append(String.join(", ", revision.downRevisions()))
                .append('\n');
        text.append("    Create Date: ")
                .append(revision.createDate() == null ? "" : revision.createDate())
                .append('\n');
        return text.toString();
    }

    private static String down(RevisionInfo revision) {
        return revision.downRevisions().isEmpty() ? "<base>" : String.join(", ", revision.downRevisions());
    }

    private static String comma(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
