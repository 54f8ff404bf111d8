package dev.migrations.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables and sequences of one schema, as a database's catalog describes them.
 *
 * @param seeds rows a table must hold before the application can use it, by table name: where a
 *     database has no sequences Hibernate keeps a sequence's next value in a one-row table, and
 *     reads that row on the first insert. Empty for a live schema's catalog.
 * @param enumTypes named enum types (PostgreSQL's {@code CREATE TYPE ... AS ENUM}); empty where the
 *     database has none
 */
public record SchemaSnapshot(
        List<Table> tables,
        List<Sequence> sequences,
        @OmitWhenDefault Map<String, List<Map<String, Object>>> seeds,
        @OmitWhenDefault List<EnumType> enumTypes) {

    public SchemaSnapshot {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        seeds = seeds == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
        enumTypes = enumTypes == null ? List.of() : List.copyOf(enumTypes);
    }

    public SchemaSnapshot(List<Table> tables, List<Sequence> sequences, Map<String, List<Map<String, Object>>> seeds) {
        this(tables, sequences, seeds, List.of());
    }

    /** The same schema with other tables (enum types, sequences and seeds kept). */
    public SchemaSnapshot withTables(List<Table> newTables) {
        return new SchemaSnapshot(newTables, sequences, seeds, enumTypes);
    }

    public Optional<EnumType> enumType(String name) {
        return enumTypes.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public SchemaSnapshot(List<Table> tables, List<Sequence> sequences) {
        this(tables, sequences, Map.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Sequence> sequence(String name) {
        return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
