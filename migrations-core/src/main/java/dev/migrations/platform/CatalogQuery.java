package dev.migrations.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One catalog query over a schema, each row handed to the inspector that asked for it. */
public final class CatalogQuery {

    /** What an inspector does with one row of a catalog query. */
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private CatalogQuery() {}

    /** Runs {@code sql}, whose single parameter is the schema as the catalog spells it. */
    public static void query(Connection connection, String sql, String schema, RowHandler handler) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
