package dev.migrations.ops;

import java.util.Objects;
import java.util.Optional;

/**
 * Adds one value to a named enum type: at the end, or before or after an existing value (the
 * type's sort order is its values' order). PostgreSQL cannot take a value out again; the reverse,
 * {@link DropEnumValue}, recreates the type without it.
 *
 * @param before the value the new one goes before, or null
 * @param after the value the new one goes after, or null (both null: at the end)
 */
public record AddEnumValue(String schema, String name, String value, String before, String after)
        implements EnumTypeOperation {

    public AddEnumValue {
        Objects.requireNonNull(name, "enum type name");
        Objects.requireNonNull(value, "enum value");
        if (before != null && after != null) {
            throw new IllegalArgumentException("Add value " + value + " to enum type " + name
                    + ": give the value it goes before or the one it goes after, not both");
        }
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropEnumValue(schema, name, value, before, after));
    }

    @Override
    public String describe() {
        return "add value '" + value + "' to enum type " + name
                + (before != null ? " before '" + before + "'" : after != null ? " after '" + after + "'" : "");
    }
}
