package dev.migrations;

import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.Target;
import dev.migrations.internal.runtime.VersionStore;
import dev.migrations.platform.DatabasePlatform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The no-op boot over many schema tenants: on one connection, one catalog query finds the schemas
 * that have a version table and a few batched reads give every tenant's heads (and, when checksums
 * are validated, its upgrade history), so the tenants already at the heads with no drift are left
 * alone without a connection of their own. Anything else, or any doubt, takes the normal path.
 */
final class TenantsAtHeads {

    /**
     * Tenants per UNION ALL: PostgreSQL plans a union in time that grows faster than its arms, so
     * 20 unions of 50 read 1,000 history tables faster than 5 unions of 200 (psql, fresh session,
     * 4 alternating runs: 0.96-1.77 s against 1.43-2.35 s on a loaded 2-core machine).
     */
    private static final int BATCH = 50;

    private TenantsAtHeads() {}

    static Set<String> find(Engine engine, List<Tenant> tenants) {
        List<Tenant> schemaTenants =
                tenants.stream().filter(t -> t.dataSource() == null).toList();
        if (schemaTenants.size() < 2 || engine.settings().dataSource() == null) {
            return Set.of();
        }
        try {
            return engine.withConnection(c -> read(engine, c, schemaTenants));
        } catch (MigrationsException e) {
            return Set.of(); // each tenant's own run reports the problem better
        }
    }

    private static Set<String> read(Engine engine, Connection c, List<Tenant> tenants) throws SQLException {
        DatabasePlatform platform = engine.platform(c);
        Set<String> withTable =
                schemasWithVersionTable(c, platform, engine.settings().versionTable());
        List<Tenant> present =
                tenants.stream().filter(t -> withTable.contains(t.schema())).toList();
        Map<Integer, List<String>> heads = new HashMap<>();
        Map<Integer, List<HistoryRecord>> history = new HashMap<>();
        boolean checksums = engine.settings().validateChecksums();
        for (int from = 0; from < present.size(); from += BATCH) {
            List<Tenant> batch = present.subList(from, Math.min(present.size(), from + BATCH));
            readHeads(c, platform, engine, batch, from, heads);
            if (checksums) {
                readHistory(c, platform, engine, batch, from, history);
            }
        }
        // Tenants at the same heads with the same recorded checksums share one answer: plan and
        // compare checksums once per distinct state, not once per tenant.
        Map<List<Object>, Boolean> answers = new HashMap<>();
        Set<String> atHeads = new HashSet<>();
        for (int i = 0; i < present.size(); i++) {
            List<String> current = heads.getOrDefault(i, List.of());
            List<HistoryRecord> records = history.getOrDefault(i, List.of());
            List<Object> state = List.of(current, checksums ? ChecksumDrift.recorded(records) : Map.of());
            if (answers.computeIfAbsent(state, k -> untouched(engine, current, records, checksums))) {
                atHeads.add(present.get(i).name());
            }
        }
        return atHeads;
    }

    private static boolean untouched(
            Engine engine, List<String> current, List<HistoryRecord> history, boolean checksums) {
        if (current.isEmpty() || !current.stream().allMatch(engine.graph()::contains)) {
            return false;
        }
        if (!engine.planner().upgrade(current, Target.parse("heads")).isEmpty()) {
            return false;
        }
        return !checksums
                || ChecksumDrift.of(engine.scripts(), current, history).isEmpty();
    }

    /** One catalog query: the schemas holding a table of the version table's name. */
    private static Set<String> schemasWithVersionTable(Connection c, DatabasePlatform platform, String versionTable)
            throws SQLException {
        Set<String> schemas = new HashSet<>();
        String schemaColumn = platform.schemasAreCatalogs() ? "TABLE_CAT" : "TABLE_SCHEM";
        try (ResultSet rs = c.getMetaData().getTables(null, null, versionTable, null)) {
            while (rs.next()) {
                if (versionTable.equals(rs.getString("TABLE_NAME"))) {
                    schemas.add(rs.getString(schemaColumn));
                }
            }
        }
        return schemas;
    }

    private static void readHeads(
            Connection c,
            DatabasePlatform platform,
            Engine engine,
            List<Tenant> batch,
            int offset,
            Map<Integer, List<String>> out)
            throws SQLException {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (int i = 0; i < batch.size(); i++) {
            union.add("SELECT " + (offset + i) + " AS tenant_index, version_num FROM "
                    + store(platform, engine, batch.get(i)).versionTable());
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(union.toString())) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
    }

    private static void readHistory(
            Connection c,
            DatabasePlatform platform,
            Engine engine,
            List<Tenant> batch,
            int offset,
            Map<Integer, List<HistoryRecord>> out)
            throws SQLException {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (int i = 0; i < batch.size(); i++) {
            union.add("SELECT " + (offset + i) + " AS tenant_index, revision, direction, checksum, success FROM "
                    + store(platform, engine, batch.get(i)).historyTable());
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(union.toString())) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new HistoryRecord(
                                0,
                                rs.getString(2),
                                List.of(),
                                HistoryRecord.Direction.of(rs.getString(3)),
                                null,
                                rs.getString(4),
                                null,
                                0,
                                null,
                                rs.getBoolean(5),
                                null));
            }
        }
    }

    private static VersionStore store(DatabasePlatform platform, Engine engine, Tenant tenant) {
        return new VersionStore(
                platform,
                tenant.schema(),
                engine.settings().versionTable(),
                engine.settings().historyTable());
    }
}
