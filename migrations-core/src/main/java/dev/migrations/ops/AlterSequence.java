package dev.migrations.ops;

import dev.migrations.schema.Sequence;
import java.util.Optional;

/**
 * Changes a sequence's options; null fields stay as they are. {@code restartWith} moves the next
 * value. {@code existing}, the sequence as it was, makes the change reversible.
 */
public record AlterSequence(
        String schema,
        String name,
        Long increment,
        Long minValue,
        Long maxValue,
        Boolean cycle,
        Long cache,
        Long restartWith,
        Sequence existing)
        implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterSequence(this);
    }

    public static AlterSequence of(String schema, String name) {
        return new AlterSequence(schema, name, null, null, null, null, null, null, null);
    }

    public AlterSequence increment(long value) {
        return new AlterSequence(schema, name, value, minValue, maxValue, cycle, cache, restartWith, existing);
    }

    public AlterSequence minValue(long value) {
        return new AlterSequence(schema, name, increment, value, maxValue, cycle, cache, restartWith, existing);
    }

    public AlterSequence maxValue(long value) {
        return new AlterSequence(schema, name, increment, minValue, value, cycle, cache, restartWith, existing);
    }

    public AlterSequence cycle(boolean value) {
        return new AlterSequence(schema, name, increment, minValue, maxValue, value, cache, restartWith, existing);
    }

    public AlterSequence cache(long value) {
        return new AlterSequence(schema, name, increment, minValue, maxValue, cycle, value, restartWith, existing);
    }

    public AlterSequence restartWith(long value) {
        return new AlterSequence(schema, name, increment, minValue, maxValue, cycle, cache, value, existing);
    }

    public AlterSequence existing(Sequence before) {
        return new AlterSequence(schema, name, increment, minValue, maxValue, cycle, cache, restartWith, before);
    }

    @Override
    public Optional<Operation> reverse() {
        if (existing == null || restartWith != null) {
            return Optional.empty();
        }
        return Optional.of(new AlterSequence(
                schema,
                name,
                increment == null ? null : existing.increment(),
                minValue == null ? null : existing.minValue(),
                maxValue == null ? null : existing.maxValue(),
                cycle == null ? null : Boolean.TRUE.equals(existing.cycle()),
                cache == null ? null : existing.cache(),
                null,
                null));
    }

    @Override
    public String describe() {
        return "alter sequence " + name;
    }

    @Override
    public String table() {
        return null;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: give the sequence as it was with .existing(sequence(...))"
                + " (a restart cannot be undone)";
    }
}
