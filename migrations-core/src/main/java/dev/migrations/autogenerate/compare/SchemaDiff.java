package dev.migrations.autogenerate.compare;

import java.util.List;

/**
 * The differences between the database and the entities: the steps of the migration that removes
 * them, in the order they must run, and notes about what autogenerate saw but will not change.
 */
public record SchemaDiff(List<SchemaChange> changes, List<String> notes) {

    public SchemaDiff {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The steps that lose data or can fail on existing rows. */
    public List<SchemaChange> risky() {
        return changes.stream().filter(c -> c.warning() != null).toList();
    }
}
