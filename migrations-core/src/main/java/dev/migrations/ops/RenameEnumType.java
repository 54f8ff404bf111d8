package dev.migrations.ops;

import java.util.Optional;

/** Renames a named enum type; the columns of the type keep it under its new name. */
public record RenameEnumType(String schema, String name, String newName) implements EnumTypeOperation {

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameEnumType(schema, newName, name));
    }

    @Override
    public String describe() {
        return "rename enum type " + name + " to " + newName;
    }
}
