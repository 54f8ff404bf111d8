package dev.migrations.ops;

import dev.migrations.schema.Sequence;
import java.util.Optional;

public record DropSequence(String schema, String name, Sequence original) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropSequence(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(original).map(CreateSequence::new);
    }

    @Override
    public String describe() {
        return "drop sequence " + name;
    }

    @Override
    public String table() {
        return null;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: pass the sequence's definition to dropSequence(Sequence)";
    }
}
