package dev.migrations.ops;

import dev.migrations.schema.Constraint;
import java.util.Optional;

/** Adds a primary key, unique, foreign key or check constraint to an existing table. */
public record AddConstraint(String schema, String table, Constraint constraint) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addConstraint(this);
    }

    @Override
    public Optional<Operation> reverse() {
        if (constraint.name() == null) {
            return Optional.empty();
        }
        return Optional.of(new DropConstraint(schema, table, constraint.name(), constraint.type(), constraint));
    }

    @Override
    public String describe() {
        return "add "
                + constraint.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (constraint.name() == null ? "" : " " + constraint.name()) + " to " + table;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: an unnamed constraint cannot be dropped by name; give it a name";
    }
}
