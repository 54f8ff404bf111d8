package dev.migrations.ops;

import dev.migrations.schema.Sequence;
import java.util.Optional;

public record CreateSequence(Sequence sequence) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createSequence(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropSequence(sequence.schema(), sequence.name(), sequence));
    }

    @Override
    public String describe() {
        return "create sequence " + sequence.name();
    }

    @Override
    public String table() {
        return null;
    }
}
