package dev.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from {@code columns} to {@code referencedColumns} of {@code referencedTable}.
 * Build one with {@link Dsl#foreignKey(String, String...)}{@code .references(table, columns...)}.
 */
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedSchema,
        String referencedTable,
        List<String> referencedColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate,
        boolean deferrable,
        boolean initiallyDeferred)
        implements Constraint {

    public ForeignKey {
        columns = Constraint.requireColumns(columns, "foreign key");
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = Constraint.requireColumns(referencedColumns, "foreign key reference");
        if (referencedColumns.size() != columns.size()) {
            throw new IllegalArgumentException("Foreign key " + (name == null ? "" : name + " ") + "has "
                    + columns.size() + " column(s) but references " + referencedColumns.size());
        }
    }

    @Override
    public Type type() {
        return Type.FOREIGN_KEY;
    }

    @Override
    public ForeignKey named(String newName) {
        return new ForeignKey(
                newName,
                columns,
                referencedSchema,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred);
    }

    @Override
    public ForeignKey renameColumn(String from, String to) {
        return new ForeignKey(
                name,
                Constraint.rename(columns, from, to),
                referencedSchema,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred);
    }

    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(
                name,
                columns,
                referencedSchema,
                referencedTable,
                referencedColumns,
                action,
                onUpdate,
                deferrable,
                initiallyDeferred);
    }

    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(
                name,
                columns,
                referencedSchema,
                referencedTable,
                referencedColumns,
                onDelete,
                action,
                deferrable,
                initiallyDeferred);
    }

    /** DEFERRABLE, and INITIALLY DEFERRED when {@code initially} is true. */
    public ForeignKey deferrable(boolean initially) {
        return new ForeignKey(
                name,
                columns,
                referencedSchema,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                true,
                initially);
    }

    /** Points the key at a table in another schema. */
    public ForeignKey inSchema(String schema) {
        return new ForeignKey(
                name,
                columns,
                schema,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred);
    }

    /** The same key pointing at a renamed table (used when a referenced table is rebuilt or renamed). */
    public ForeignKey referencing(String table) {
        return new ForeignKey(
                name,
                columns,
                referencedSchema,
                table,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred);
    }
}
