package dev.migrations.schema;

import java.util.List;
import java.util.Objects;

/** A check constraint; {@code condition} is a SQL boolean expression written by the migration's author. */
public record CheckConstraint(String name, String condition) implements Constraint {

    public CheckConstraint {
        Objects.requireNonNull(condition, "condition");
        if (condition.isBlank()) {
            throw new IllegalArgumentException("A check constraint needs a condition");
        }
        condition = condition.strip();
    }

    @Override
    public Type type() {
        return Type.CHECK;
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public CheckConstraint named(String newName) {
        return new CheckConstraint(newName, condition);
    }

    /** A check's condition is SQL text; renaming a column inside it is left to the author. */
    @Override
    public CheckConstraint renameColumn(String from, String to) {
        return this;
    }
}
