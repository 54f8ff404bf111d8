package dev.migrations.autogenerate.render;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.Operation;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What in a generated step only the database it was generated against understands: a type the
 * portable ones cannot say ({@code tsvector}, a {@code columnDefinition} of its own). The file says so above
 * the step, so a team that runs other databases in its tests knows what to change.
 */
public final class PortabilityNotes {

    private PortabilityNotes() {}

    /** Comment lines for {@code step}; none when it is portable. */
    public static List<String> of(Operation step, String platformId, String platformName) {
        Set<String> raw = new LinkedHashSet<>();
        if (step instanceof CreateTable c) {
            c.definition().columns().forEach(column -> addRaw(column, raw));
        } else if (step instanceof AddColumn a) {
            addRaw(a.column(), raw);
        } else if (step instanceof AlterColumn a && a.type() != null && a.type().kind() == ColumnType.Kind.RAW) {
            raw.add(a.type().raw());
        }
        List<String> lines = new ArrayList<>();
        for (String type : raw) {
            lines.add("Database-specific: " + type + " is " + platformName + "'s own type. A nullable column of it"
                    + " that no key, index or check uses is added in ops.executeOn(\"" + platformId + "\", ...), so"
                    + " other databases go without it; any other use needs a portable type here for them");
        }
        return lines;
    }

    private static void addRaw(Column column, Set<String> raw) {
        if (column.type().kind() == ColumnType.Kind.RAW) {
            raw.add(column.type().raw());
        }
    }
}
