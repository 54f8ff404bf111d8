package dev.migrations.schema;

import java.util.List;

/** A table constraint; its name may be null when the database is left to choose one. */
public sealed interface Constraint extends TableElement
        permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint {

    enum Type {
        PRIMARY_KEY,
        UNIQUE,
        FOREIGN_KEY,
        CHECK
    }

    String name();

    Type type();

    /** The local columns the constraint covers; empty for a check. */
    List<String> columns();

    /** The same constraint under another name. */
    Constraint named(String name);

    /** The same constraint with one local column renamed. */
    Constraint renameColumn(String from, String to);

    static List<String> rename(List<String> columns, String from, String to) {
        return columns.stream().map(c -> c.equals(from) ? to : c).toList();
    }

    static List<String> requireColumns(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("A " + what + " needs at least one column");
        }
        return List.copyOf(columns);
    }
}
