package dev.migrations.ops;

import dev.migrations.schema.Index;
import dev.migrations.schema.OmitWhenDefault;
import java.util.Optional;

/**
 * Creates an index. {@code concurrently} builds it without blocking writes on PostgreSQL, which
 * cannot run in a transaction: the revision must be declared {@code transactional = false}.
 * {@code online} (may be null: the platform's default) asks for MySQL's ALGORITHM/LOCK.
 */
public record CreateIndex(
        Index index,
        boolean concurrently,
        boolean ifNotExists,
        @OmitWhenDefault OnlineDdl online) implements Operation {

    public CreateIndex(Index index, boolean concurrently, boolean ifNotExists) {
        this(index, concurrently, ifNotExists, null);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createIndex(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropIndex(index.schema(), index.name(), index.table(), index, concurrently, false));
    }

    @Override
    public String describe() {
        return "create index " + index.name() + " on " + index.table();
    }

    @Override
    public String table() {
        return index.table();
    }
}
