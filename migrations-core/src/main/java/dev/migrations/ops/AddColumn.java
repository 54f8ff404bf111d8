package dev.migrations.ops;

import dev.migrations.schema.Column;
import java.util.Optional;

public record AddColumn(String schema, String table, Column column) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addColumn(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropColumn(schema, table, column.name(), column));
    }

    @Override
    public String describe() {
        return "add column " + column.name() + " to " + table;
    }
}
