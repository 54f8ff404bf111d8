package dev.migrations.ops;

import dev.migrations.schema.Column;
import dev.migrations.schema.OmitWhenDefault;
import java.util.Optional;

/**
 * Drops a column; {@code original} (may be null) is its definition, which makes the drop reversible;
 * {@code online} (may be null) asks for MySQL's ALGORITHM/LOCK.
 */
public record DropColumn(
        String schema,
        String table,
        String column,
        Column original,
        @OmitWhenDefault OnlineDdl online) implements Operation {

    public DropColumn(String schema, String table, String column, Column original) {
        this(schema, table, column, original, null);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropColumn(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(original).map(c -> new AddColumn(schema, table, c));
    }

    @Override
    public String describe() {
        return "drop column " + column + " from " + table;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: pass the column's definition to dropColumn(table, Column)";
    }
}
