package dev.migrations.ops;

import java.util.Objects;
import java.util.Optional;

/**
 * Takes one value out of a named enum type: the downgrade of {@link AddEnumValue}. PostgreSQL has
 * no statement for it, so its platform recreates the type without the value and converts every
 * column of the type; that fails, changing nothing, while a row still holds the value. {@code
 * before} and {@code after} say where the value stood, so the reverse puts it back there.
 */
public record DropEnumValue(String schema, String name, String value, String before, String after)
        implements EnumTypeOperation {

    public DropEnumValue {
        Objects.requireNonNull(name, "enum type name");
        Objects.requireNonNull(value, "enum value");
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new AddEnumValue(schema, name, value, before, after));
    }

    @Override
    public String describe() {
        return "drop value '" + value + "' from enum type " + name;
    }
}
