package dev.migrations.schema;

import java.util.List;
import java.util.Optional;

/** The tables and sequences of one schema, as a database's catalog describes them. */
public record SchemaSnapshot(List<Table> tables, List<Sequence> sequences) {

    public SchemaSnapshot {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Sequence> sequence(String name) {
        return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
