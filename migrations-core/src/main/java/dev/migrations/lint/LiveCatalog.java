package dev.migrations.lint;

import dev.migrations.platform.Capability;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.TableSize;
import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The live database as the lint reads it: the schema the revisions start from, and the catalog's
 * estimate of each table's size. Nothing is written.
 */
public final class LiveCatalog {

    private final Connection connection;
    private final DatabasePlatform platform;
    private final String schema;
    private final Set<String> ownTables;
    private final boolean startsHere;
    private final boolean sizes;
    private final Map<String, TableSize> read = new HashMap<>();

    /**
     * @param schema the schema of the user's tables, or null for the connection's current one
     * @param ownTables the engine's version and history tables, never linted
     * @param startsHere whether the revisions to lint start from this database's schema (they are
     *     its pending ones); otherwise the lint follows the scripts from base instead
     * @param sizes whether to read table sizes (not for a database that is not production's)
     */
    public LiveCatalog(
            Connection connection,
            DatabasePlatform platform,
            String schema,
            Set<String> ownTables,
            boolean startsHere,
            boolean sizes) {
        this.connection = connection;
        this.platform = platform;
        this.schema = schema;
        this.ownTables = ownTables;
        this.startsHere = startsHere;
        this.sizes = sizes;
    }

    boolean startsHere() {
        return startsHere;
    }

    Connection connection() {
        return connection;
    }

    boolean readsSizes() {
        return sizes;
    }

    /** The schema before the first revision, or null where the platform cannot read its catalog. */
    SchemaSnapshot schema() throws SQLException {
        return platform.has(Capability.AUTOGENERATE)
                ? platform.inspector().inspect(connection, schema, ownTables)
                : null;
    }

    /** The catalog's estimate; unknown when sizes are not read or the table is not there. */
    TableSize size(String table, long enough) {
        if (!sizes) {
            return null;
        }
        return read.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> {
            try {
                return platform.safety().size(connection, schema, table, enough);
            } catch (SQLException e) {
                return TableSize.UNKNOWN;
            }
        });
    }
}
