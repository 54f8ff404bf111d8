package dev.migrations.ops;

import dev.migrations.schema.Table;
import java.util.Optional;

/** Drops a table; {@code original} (may be null) is its definition, which makes the drop reversible. */
public record DropTable(String schema, String table, Table original, boolean ifExists) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropTable(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(original).map(t -> new CreateTable(t, false));
    }

    @Override
    public String describe() {
        return "drop table " + table;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: pass the table's definition to dropTable(Table)";
    }
}
