package dev.migrations.ops;

import dev.migrations.schema.Index;
import dev.migrations.schema.OmitWhenDefault;
import java.util.Optional;

/**
 * Drops an index; {@code original} (may be null) makes the drop reversible; {@code online} (may be
 * null: the platform's default) asks for MySQL's ALGORITHM/LOCK.
 */
public record DropIndex(
        String schema,
        String name,
        String table,
        Index original,
        boolean concurrently,
        boolean ifExists,
        @OmitWhenDefault OnlineDdl online)
        implements Operation {

    public DropIndex(String schema, String name, String table, Index original, boolean concurrently, boolean ifExists) {
        this(schema, name, table, original, concurrently, ifExists, null);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(original).map(i -> new CreateIndex(i, concurrently, false));
    }

    @Override
    public String describe() {
        return "drop index " + name;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: pass the index's definition to dropIndex(Index)";
    }
}
