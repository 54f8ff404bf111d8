package dev.migrations.ops;

import dev.migrations.schema.Constraint;
import dev.migrations.schema.OmitWhenDefault;
import java.util.Locale;
import java.util.Optional;

/**
 * Adds a primary key, unique, foreign key or check constraint to an existing table.
 *
 * @param notValid a foreign key or check added without checking the existing rows (PostgreSQL's
 *     {@code NOT VALID}: a brief lock, no scan); {@link ValidateConstraint} checks them later, in a
 *     transaction of its own. Databases without it add the constraint as usual.
 * @param usingIndex a unique or primary key taking over an existing unique index of this name
 *     (PostgreSQL's {@code USING INDEX}, for an index built concurrently first), or null. Databases
 *     without it add the constraint as usual.
 */
public record AddConstraint(
        String schema,
        String table,
        Constraint constraint,
        @OmitWhenDefault boolean notValid,
        @OmitWhenDefault String usingIndex)
        implements Operation {

    public AddConstraint {
        if (notValid
                && constraint.type() != Constraint.Type.FOREIGN_KEY
                && constraint.type() != Constraint.Type.CHECK) {
            throw new IllegalArgumentException(
                    "Only a foreign key or a check can be added without validation, not a " + kind(constraint));
        }
        if (usingIndex != null
                && constraint.type() != Constraint.Type.UNIQUE
                && constraint.type() != Constraint.Type.PRIMARY_KEY) {
            throw new IllegalArgumentException(
                    "Only a unique or primary key can take over an index, not a " + kind(constraint));
        }
        if (usingIndex != null && constraint.name() == null) {
            throw new IllegalArgumentException("A constraint that takes over index " + usingIndex + " needs a name");
        }
    }

    public AddConstraint(String schema, String table, Constraint constraint) {
        this(schema, table, constraint, false, null);
    }

    /** The same constraint added without checking existing rows; validate it later. */
    public AddConstraint withoutValidation() {
        return new AddConstraint(schema, table, constraint, true, usingIndex);
    }

    /** The same unique or primary key taking over the existing unique index {@code index}. */
    public AddConstraint usingIndex(String index) {
        return new AddConstraint(schema, table, constraint, notValid, index);
    }

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
        return "add " + kind(constraint) + (constraint.name() == null ? "" : " " + constraint.name()) + " to " + table
                + (notValid ? " (not valid)" : "") + (usingIndex == null ? "" : " using index " + usingIndex);
    }

    private static String kind(Constraint constraint) {
        return constraint.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: an unnamed constraint cannot be dropped by name; give it a name";
    }
}
