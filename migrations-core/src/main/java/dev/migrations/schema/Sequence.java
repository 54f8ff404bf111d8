package dev.migrations.schema;

import java.util.Objects;

/** A sequence; null options take the database's defaults. */
public record Sequence(
        String schema,
        String name,
        Long start,
        Long increment,
        Long minValue,
        Long maxValue,
        Boolean cycle,
        Long cache) {

    public Sequence {
        Objects.requireNonNull(name, "sequence name");
    }

    public static Sequence named(String name) {
        return new Sequence(null, name, null, null, null, null, null, null);
    }

    public Sequence start(long value) {
        return new Sequence(schema, name, value, increment, minValue, maxValue, cycle, cache);
    }

    public Sequence increment(long value) {
        return new Sequence(schema, name, start, value, minValue, maxValue, cycle, cache);
    }

    public Sequence minValue(long value) {
        return new Sequence(schema, name, start, increment, value, maxValue, cycle, cache);
    }

    public Sequence maxValue(long value) {
        return new Sequence(schema, name, start, increment, minValue, value, cycle, cache);
    }

    public Sequence cycle(boolean value) {
        return new Sequence(schema, name, start, increment, minValue, maxValue, value, cache);
    }

    public Sequence cache(long value) {
        return new Sequence(schema, name, start, increment, minValue, maxValue, cycle, value);
    }

    public Sequence inSchema(String value) {
        return new Sequence(value, name, start, increment, minValue, maxValue, cycle, cache);
    }
}
