package dev.migrations.autogenerate;

import dev.migrations.autogenerate.compare.CheckNames;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.internal.runtime.DirectOps;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        SchemaDiff diff = new SchemaComparator(unmanagedTables, renames).compare(current, target, entities);
        return withSeeds(diff, entities, current, live);
    }

    /**
     * The diff followed by the rows the entities need in tables that lack them: every new table's,
     * and an existing table's that is empty (Hibernate's one-row sequence tables, whose first insert
     * fails on an empty table: {@code check} reports it, autogenerate writes the row).
     */
    private SchemaDiff withSeeds(SchemaDiff diff, SchemaSnapshot entities, SchemaSnapshot current, Connection live)
            throws SQLException {
        List<SchemaChange> changes = new ArrayList<>(diff.changes());
        for (Map.Entry<String, List<Map<String, Object>>> seed :
                entities.seeds().entrySet()) {
            if (current.table(seed.getKey()).isEmpty() || isEmpty(live, seed.getKey())) {
                changes.add(new SchemaChange(
                        new BulkInsert(null, seed.getKey(), seed.getValue()),
                        new Execute("DELETE FROM " + platform.sql().quote(seed.getKey()), Set.of()),
                        null,
                        false));
            }
        }
        return new SchemaDiff(changes, diff.notes());
    }

    private boolean isEmpty(Connection live, String table) throws SQLException {
        try (Statement s = live.createStatement();
                ResultSet rows =
                        s.executeQuery("SELECT COUNT(*) FROM " + platform.sql().qualified(schema, table))) {
            return rows.next() && rows.getLong(1) == 0;
        }
    }

    /**
     * The steps that create {@code entities} on an empty database of this kind, whatever the live one
     * holds: the baseline of a database that predates migrations. The live connection only hosts the
     * scratch schema.
     */
    public SchemaDiff fromEmptyDatabase(Connection live, SchemaSnapshot entities) throws SQLException {
        SchemaSnapshot empty = new SchemaSnapshot(List.of(), List.of());
        SchemaDiff diff = new SchemaComparator(unmanagedTables).compare(empty, normalize(live, entities), entities);
        return withSeeds(diff, entities, empty, live); // every table is new: no row is counted
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
