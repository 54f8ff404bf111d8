package dev.migrations.ops;

import dev.migrations.schema.EnumType;
import java.util.Optional;

/** Drops a named enum type no column uses any more; {@code original} makes it reversible. */
public record DropEnumType(String schema, String name, EnumType original) implements EnumTypeOperation {

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(original).map(CreateEnumType::new);
    }

    @Override
    public String describe() {
        return "drop enum type " + name;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: give its values, ops.dropEnumType(name, List.of(...))";
    }
}
