package dev.migrations.autogenerate.render;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.Index;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A generated Java step that uses a type only the database at hand has ({@code tsvector}, a
 * {@code columnDefinition} of its own), written so that the file still runs on the other databases:
 * the column is added in {@code ops.executeOn("<this database>", "...")} with this database's SQL,
 * and a new table is created with its portable columns, the others added that way. A column that
 * a key, index or check uses, or that may not be NULL, stays in the step (the file's comment says
 * so), since leaving it out elsewhere would change what the table means.
 */
public final class DatabaseSpecificSteps {

    private DatabaseSpecificSteps() {}

    /** The operations to write for {@code step}; the step itself when it is portable. */
    public static List<Operation> of(Operation step, DatabasePlatform platform) {
        try {
            if (step instanceof AddColumn a && movable(a.column(), null)) {
                return List.of(only(step, platform));
            }
            if (step instanceof DropColumn d && d.original() != null && movable(d.original(), null)) {
                return List.of(only(step, platform));
            }
            if (step instanceof CreateTable c) {
                return split(c, platform);
            }
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // this database cannot say the step as one statement (SQLite rebuilds): write it as it is
        }
        return List.of(step);
    }

    private static List<Operation> split(CreateTable create, DatabasePlatform platform) {
        Table table = create.definition();
        List<Column> portable = new ArrayList<>();
        List<Column> specific = new ArrayList<>();
        for (Column column : table.columns()) {
            (movable(column, table) ? specific : portable).add(column);
        }
        if (specific.isEmpty() || portable.isEmpty()) {
            return List.of(create);
        }
        List<Operation> out = new ArrayList<>();
        out.add(new CreateTable(table.withColumns(portable), create.ifNotExists()));
        for (Column column : specific) {
            out.add(only(new AddColumn(table.schema(), table.name(), column), platform));
        }
        return out;
    }

    private static Execute only(Operation step, DatabasePlatform platform) {
        return new Execute(String.join(";\n", platform.ddl().render(step)), Set.of(platform.id()));
    }

    /** A nullable plain column of a database-specific type that nothing else in {@code table} uses. */
    private static boolean movable(Column column, Table table) {
        if (column.type().kind() != ColumnType.Kind.RAW
                || !column.nullable()
                || column.isIdentity()
                || column.isPrimaryKey()
                || column.isUnique()
                || column.references() != null) {
            return false;
        }
        if (table == null) {
            return true;
        }
        String name = column.name().toLowerCase(Locale.ROOT);
        for (Constraint c : table.constraints()) {
            if (c.columns().contains(column.name())
                    || c instanceof CheckConstraint check
                            && check.condition().toLowerCase(Locale.ROOT).contains(name)) {
                return false;
            }
        }
        for (Index index : table.indexes()) {
            if (index.columns().contains(column.name())) {
                return false;
            }
        }
        return true;
    }
}
