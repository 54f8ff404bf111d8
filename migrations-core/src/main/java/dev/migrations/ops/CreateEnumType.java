package dev.migrations.ops;

import dev.migrations.schema.EnumType;
import java.util.Optional;

/** Creates a named enum type with its values in order. */
public record CreateEnumType(EnumType type) implements EnumTypeOperation {

    @Override
    public String schema() {
        return type.schema();
    }

    @Override
    public String name() {
        return type.name();
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropEnumType(type.schema(), type.name(), type));
    }

    @Override
    public String describe() {
        return "create enum type " + type.name();
    }
}
