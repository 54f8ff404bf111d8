package dev.migrations.ops;

import java.util.Optional;

public record RenameTable(String schema, String table, String newName) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameTable(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameTable(schema, newName, table));
    }

    @Override
    public String describe() {
        return "rename table " + table + " to " + newName;
    }
}
