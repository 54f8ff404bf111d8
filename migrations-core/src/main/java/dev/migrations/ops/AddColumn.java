package dev.migrations.ops;

import dev.migrations.schema.Column;
import dev.migrations.schema.OmitWhenDefault;
import java.util.Optional;

/** Adds a column; {@code online} (may be null: the platform's default) asks for MySQL's ALGORITHM/LOCK. */
public record AddColumn(
        String schema,
        String table,
        Column column,
        @OmitWhenDefault OnlineDdl online) implements Operation {

    public AddColumn(String schema, String table, Column column) {
        this(schema, table, column, null);
    }

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
