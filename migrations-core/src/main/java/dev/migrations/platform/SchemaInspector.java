package dev.migrations.platform;

import dev.migrations.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads one schema's tables (columns, keys, indexes, checks, comments) and sequences into the
 * engine's schema model, with a fixed number of bulk catalog queries. Names come back as a
 * migration would write them (H2's upper-cased unquoted names in lower case); generated names the
 * database chose are kept, so the comparison can tell them from names the entities give.
 */
public interface SchemaInspector {

    /**
     * @param schema the schema to read, or null for the connection's current schema
     * @param excludedTables tables to leave out (the engine's own version and history tables)
     */
    SchemaSnapshot inspect(Connection connection, String schema, Set<String> excludedTables) throws SQLException;
}
