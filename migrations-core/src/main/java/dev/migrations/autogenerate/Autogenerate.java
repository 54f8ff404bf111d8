package dev.migrations.autogenerate;

import dev.migrations.autogenerate.compare.CheckNames;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.internal.runtime.DirectOps;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Autogenerate's pipeline: inspect the live schema, build the entities' schema in the platform's
 * scratch area of the same engine and inspect that the same way (so both sides use the database's
 * own spelling of types, defaults and check conditions), compare the two, and hand back the steps.
 *
 * @param schema the schema to compare, or null for the connection's current one
 * @param ownTables the engine's version and history tables, never compared
 */
public record Autogenerate(
        DatabasePlatform platform,
        String schema,
        Set<String> ownTables,
        SchemaComparator.UnmanagedTables unmanagedTables) {

    /** The steps that turn the live schema into {@code entities}. */
    public SchemaDiff diff(Connection live, SchemaSnapshot entities) throws SQLException {
        return diff(live, entities, Renames.NONE);
    }

    /** The steps that turn the live schema into {@code entities}, renaming what {@code renames} names. */
    public SchemaDiff diff(Connection live, SchemaSnapshot entities, Renames renames) throws SQLException {
        SchemaSnapshot current = platform.inspector().inspect(live, schema, ownTables);
        SchemaSnapshot target = normalize(live, entities);
        return new SchemaComparator(unmanagedTables, renames).compare(current, target, entities);
    }

    /**
     * The steps that create {@code entities} on an empty database of this kind, whatever the live one
     * holds: the baseline of a database that predates migrations. The live connection only hosts the
     * scratch schema.
     */
    public SchemaDiff fromEmptyDatabase(Connection live, SchemaSnapshot entities) throws SQLException {
        SchemaSnapshot empty = new SchemaSnapshot(List.of(), List.of());
        return new SchemaComparator(unmanagedTables).compare(empty, normalize(live, entities), entities);
    }

    /** The entities' schema as this database stores it: built in scratch, read back. */
    SchemaSnapshot normalize(Connection live, SchemaSnapshot definitions) throws SQLException {
        SchemaSnapshot empty = new SchemaSnapshot(List.of(), List.of());
        SchemaSnapshot named = CheckNames.apply(definitions);
        List<Operation> create = new SchemaComparator(SchemaComparator.UnmanagedTables.REPORT)
                .compare(empty, named, named).changes().stream()
                        .map(SchemaChange::upgrade)
                        .toList();
        return platform.scratch().build(live, create, DirectOps::apply);
    }
}
