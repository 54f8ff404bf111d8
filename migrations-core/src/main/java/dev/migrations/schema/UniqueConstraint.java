package dev.migrations.schema;

import java.util.List;

/** A unique constraint; {@code deferrable} applies where the database supports it (PostgreSQL). */
public record UniqueConstraint(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred)
        implements Constraint {

    public UniqueConstraint {
        columns = Constraint.requireColumns(columns, "unique constraint");
    }

    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, false, false);
    }

    @Override
    public Type type() {
        return Type.UNIQUE;
    }

    @Override
    public UniqueConstraint named(String newName) {
        return new UniqueConstraint(newName, columns, deferrable, initiallyDeferred);
    }

    @Override
    public UniqueConstraint renameColumn(String from, String to) {
        return new UniqueConstraint(name, Constraint.rename(columns, from, to), deferrable, initiallyDeferred);
    }

    /** DEFERRABLE, optionally INITIALLY DEFERRED. */
    public UniqueConstraint deferrable(boolean initially) {
        return new UniqueConstraint(name, columns, true, initially);
    }
}
