package dev.migrations.autogenerate;

import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.inspect.SchemaInspector;
import dev.migrations.autogenerate.inspect.SchemaSnapshot;
import dev.migrations.ddl.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Autogenerate's pipeline: inspect the live schema, build the entities' schema in a scratch area of
 * the same engine and inspect that the same way, compare the two, and hand back the steps.
 *
 * @param schema the schema to compare, or null for the connection's current one
 * @param ownTables the engine's version and history tables, never compared
 */
public record Autogenerate(Dialect dialect, String schema, Set<String> ownTables,
        SchemaComparator.UnmanagedTables unmanagedTables) {

    /** The steps that turn the live schema into {@code entities}. */
    public SchemaDiff diff(Connection live, SchemaSnapshot entities) throws SQLException {
        return diff(live, entities, Renames.NONE);
    }

    /** The steps that turn the live schema into {@code entities}, renaming what {@code renames} names. */
    public SchemaDiff diff(Connection live, SchemaSnapshot entities, Renames renames) throws SQLException {
        SchemaSnapshot current = SchemaInspector.of(dialect).inspect(live, schema, ownTables);
        SchemaSnapshot target = ScratchSchema.normalize(live, dialect, entities);
        return new SchemaComparator(unmanagedTables, renames).compare(current, target, entities);
    }
}
