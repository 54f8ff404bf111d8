package dev.migrations.ops;

import java.util.Optional;

/**
 * Checks the existing rows against a foreign key or check added with {@link
 * AddConstraint#withoutValidation()} (PostgreSQL's {@code VALIDATE CONSTRAINT}: a scan that lets
 * reads and writes go on). Nothing to do on databases that validate when the constraint is added.
 * Run it in a transaction of its own, after the one that added the constraint has committed.
 */
public record ValidateConstraint(String schema, String table, String name) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.validateConstraint(this);
    }

    /** Nothing to undo: dropping the constraint (the reverse of its addition) undoes the validation too. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "validate constraint " + name + " of " + table;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " needs no reverse: dropping the constraint undoes it";
    }
}
