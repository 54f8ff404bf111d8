package dev.migrations.autogenerate.render;

import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * A diff as a person reads it: Alembic's "Detected ..." lines (each with the operation a revision
 * would hold), each risky step's warning, and what was seen but left alone.
 */
public final class DiffReport {

    private DiffReport() {}

    public static List<String> lines(SchemaDiff diff) {
        JavaOpsRenderer renderer = new JavaOpsRenderer();
        List<String> lines = new ArrayList<>();
        for (SchemaChange change : diff.changes()) {
            lines.add("Detected " + change.upgrade().describe() + ": " + renderer.statement(change.upgrade()));
            if (change.warning() != null) {
                lines.add("  " + (change.needsEdit() ? "TODO" : "WARNING") + ": " + change.warning());
            }
        }
        diff.notes().forEach(note -> lines.add("Note: " + note));
        return lines;
    }
}
