package dev.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A named enum type (PostgreSQL's {@code CREATE TYPE ... AS ENUM}): its labels in their sort order,
 * which is the order the database compares them in.
 *
 * @param schema the schema, or null for the migration's own
 * @param values the labels, in order
 */
public record EnumType(String schema, String name, List<String> values) {

    public EnumType {
        Objects.requireNonNull(name, "enum type name");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Enum type " + name + " needs at least one value");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("Enum type " + name + " lists a value twice: " + values);
        }
    }

    public static EnumType named(String name, List<String> values) {
        return new EnumType(null, name, values);
    }

    public EnumType renamed(String newName) {
        return new EnumType(schema, newName, values);
    }
}
