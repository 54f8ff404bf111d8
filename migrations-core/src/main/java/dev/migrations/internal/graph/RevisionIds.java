package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import java.util.regex.Pattern;

/** What a revision id may be, and what a revision may not declare about itself. */
final class RevisionIds {

    /** Characters Alembic forbids in ids because the target grammar uses them. */
    private static final Pattern ILLEGAL_ID_CHARS = Pattern.compile("[@\\-+:]");

    static final int MAX_ID_LENGTH = 32;

    private RevisionIds() {}

    static void check(RevisionNode node) {
        String id = node.id();
        if (id == null || id.isBlank()) {
            throw new MigrationsException(
                    "A revision in " + node.source() + " has no id. Add a" + " revision id to its header.");
        }
        requireValid(id, node.source());
        if (node.downRevisions().contains(id)) {
            throw new MigrationsException(
                    "Self-loop is detected in revisions (" + id + "): revision " + id + " (" + node.source()
                            + ") lists itself as its down revision.",
                    id,
                    null);
        }
        if (node.dependsOn().contains(id)) {
            throw new MigrationsException(
                    "Dependency self-loop is detected in revisions (" + id + "): revision " + id + " (" + node.source()
                            + ") depends on itself.",
                    id,
                    null);
        }
    }

    /** Alembic's id rule: at most 32 characters, none of {@code @ - + :}, no surrounding spaces. */
    static void requireValid(String id, String source) {
        if (ILLEGAL_ID_CHARS.matcher(id).find() || id.length() > MAX_ID_LENGTH || !id.equals(id.strip())) {
            throw new MigrationsException(
                    "Revision id '" + id + "' in " + source + " is not"
                            + " allowed: ids are at most " + MAX_ID_LENGTH + " characters without '@', '-', '+',"
                            + " ':' or surrounding spaces.",
                    id,
                    null);
        }
    }
}
