package dev.migrations.autogenerate.compare;

import java.util.ArrayList;
import java.util.List;

/** A comparison's changes by kind, emitted in the one order every database accepts. */
final class ChangePlan {
    final List<SchemaChange> renames = new ArrayList<>();
    final List<SchemaChange> dropKeys = new ArrayList<>();
    final List<SchemaChange> dropIndexes = new ArrayList<>();
    final List<SchemaChange> dropConstraints = new ArrayList<>();
    final List<SchemaChange> dropColumns = new ArrayList<>();
    final List<SchemaChange> alterColumns = new ArrayList<>();
    final List<SchemaChange> createTables = new ArrayList<>();
    final List<SchemaChange> addColumns = new ArrayList<>();
    final List<SchemaChange> addConstraints = new ArrayList<>();
    final List<SchemaChange> addIndexes = new ArrayList<>();
    final List<SchemaChange> addKeys = new ArrayList<>();
    final List<SchemaChange> dropTables = new ArrayList<>();
    final List<SchemaChange> sequences = new ArrayList<>();
    /** Named enum types created, renamed and given values first; types no column uses dropped last. */
    final List<SchemaChange> enumTypes = new ArrayList<>();

    final List<SchemaChange> dropEnumTypes = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    List<SchemaChange> ordered() {
        List<SchemaChange> all = new ArrayList<>();
        for (List<SchemaChange> group : List.of(
                renames,
                enumTypes,
                sequences,
                dropKeys,
                dropIndexes,
                dropConstraints,
                dropColumns,
                alterColumns,
                createTables,
                addColumns,
                addConstraints,
                addIndexes,
                addKeys,
                dropTables,
                dropEnumTypes)) {
            all.addAll(group);
        }
        return all;
    }
}
