package dev.migrations.ops;

import dev.migrations.schema.Constraint;
import java.util.Optional;

/**
 * Drops a named constraint, or on SQLite (where constraints may have no name) the one equal to
 * {@code original}. {@code type} is needed where the database keeps constraint kinds apart
 * (MySQL) and by the SQLite rebuild; {@code original} (may be null) makes the drop reversible.
 */
public record DropConstraint(String schema, String table, String name, Constraint.Type type, Constraint original)
        implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropConstraint(this);
    }

    public DropConstraint {
        if (name == null && original == null) {
            throw new NullPointerException("constraint name");
        }
        if (original != null) {
            type = original.type();
        }
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(original).map(c -> new AddConstraint(schema, table, c));
    }

    @Override
    public String describe() {
        return "drop constraint "
                + (name != null
                        ? name
                        : original.type()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ')) + " from " + table;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: pass the constraint's definition to dropConstraint(table, c)";
    }
}
