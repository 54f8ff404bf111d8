package dev.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table definition: what {@code createTable} creates, and the model a SQLite rebuild edits.
 * Constraints may be given inline on columns or here; {@link #normalized()} moves them all here.
 */
public record Table(
        String schema,
        String name,
        List<Column> columns,
        List<Constraint> constraints,
        List<Index> indexes,
        String comment) {

    public Table {
        Objects.requireNonNull(name, "table name");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        List<String> seen = new ArrayList<>();
        for (Column c : columns) {
            if (seen.contains(c.name())) {
                throw new IllegalArgumentException("Table " + name + " has column " + c.name() + " twice");
            }
            seen.add(c.name());
        }
    }

    /** A table from columns, constraints and indexes in any order. */
    public static Table of(String name, TableElement... elements) {
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (TableElement e : elements) {
            if (e instanceof Column c) {
                columns.add(c);
            } else if (e instanceof Constraint c) {
                constraints.add(c);
            } else if (e instanceof Index i) {
                indexes.add(i.onTable(name));
            }
        }
        return new Table(null, name, columns, constraints, indexes, null);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Column requireColumn(String columnName) {
        return column(columnName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Table " + name + " has no column " + columnName + " (it has " + columnNames() + ")"));
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The primary key, whether declared inline on columns or as a constraint. */
    public Optional<PrimaryKey> primaryKey() {
        Optional<PrimaryKey> declared = constraints.stream()
                .filter(PrimaryKey.class::isInstance)
                .map(PrimaryKey.class::cast)
                .findFirst();
        if (declared.isPresent()) {
            return declared;
        }
        List<String> inline =
                columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        return inline.isEmpty() ? Optional.empty() : Optional.of(new PrimaryKey(null, inline));
    }

    /** The same table with every inline constraint moved to the constraint list. */
    public Table normalized() {
        List<Constraint> all = new ArrayList<>();
        primaryKey().ifPresent(all::add);
        for (Column c : columns) {
            if (c.isUnique()) {
                all.add(new UniqueConstraint(null, List.of(c.name())));
            }
        }
        constraints.stream().filter(k -> !(k instanceof PrimaryKey)).forEach(all::add);
        for (Column c : columns) {
            if (c.references() != null) {
                all.add(c.references());
            }
        }
        List<Column> plain = columns.stream().map(Column::withoutConstraints).toList();
        return new Table(schema, name, plain, all, indexes, comment);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(schema, name, newColumns, constraints, indexes, comment);
    }

    public Table withConstraints(List<Constraint> newConstraints) {
        return new Table(schema, name, columns, newConstraints, indexes, comment);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(schema, name, columns, constraints, newIndexes, comment);
    }

    public Table withComment(String newComment) {
        return new Table(schema, name, columns, constraints, indexes, newComment);
    }

    public Table renamed(String newName) {
        return new Table(
                schema,
                newName,
                columns,
                constraints,
                indexes.stream().map(i -> i.onTable(newName)).toList(),
                comment);
    }
}
