package dev.migrations.platform.h2;

import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.Operation;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.ReferentialAction;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * H2 lets a foreign key take over an index created after it on the same columns, and then refuses
 * to drop that index ("belongs to constraint"). Dropping such an index therefore drops the borrowing
 * foreign keys first and adds them back afterwards, when H2 gives them an index of their own.
 */
final class H2BorrowedIndexes {

    private H2BorrowedIndexes() {}

    /** The operations that drop {@code drop}: itself alone, or wrapped in the foreign keys' drop and re-add. */
    static List<Operation> dropping(Connection connection, DropIndex drop) throws SQLException {
        List<Operation> before = new ArrayList<>();
        List<Operation> after = new ArrayList<>();
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                + " WHERE CONSTRAINT_TYPE = 'FOREIGN KEY' AND UPPER(INDEX_NAME) = ?"
                + (drop.schema() == null ? "" : " AND UPPER(INDEX_SCHEMA) = ?");
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, drop.name().toUpperCase(Locale.ROOT));
            if (drop.schema() != null) {
                s.setString(2, drop.schema().toUpperCase(Locale.ROOT));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String table = rs.getString(2);
                    ForeignKey key = foreignKey(connection.getMetaData(), schema, table, rs.getString(3));
                    before.add(new DropConstraint(drop.schema(), table, key.name(), Constraint.Type.FOREIGN_KEY, key));
                    after.add(new AddConstraint(drop.schema(), table, key));
                }
            }
        }
        List<Operation> all = new ArrayList<>(before);
        all.add(drop);
        all.addAll(after);
        return all;
    }

    private static ForeignKey foreignKey(DatabaseMetaData meta, String schema, String table, String name)
            throws SQLException {
        Map<Integer, String[]> columns = new TreeMap<>();
        String referencedTable = null;
        ReferentialAction onDelete = null;
        ReferentialAction onUpdate = null;
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                if (!name.equalsIgnoreCase(rs.getString("FK_NAME"))) {
                    continue;
                }
                columns.put(
                        rs.getInt("KEY_SEQ"),
                        new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
                referencedTable = rs.getString("PKTABLE_NAME");
                onDelete = action(rs.getShort("DELETE_RULE"));
                onUpdate = action(rs.getShort("UPDATE_RULE"));
            }
        }
        List<String> local = columns.values().stream().map(c -> c[0]).toList();
        List<String> remote = columns.values().stream().map(c -> c[1]).toList();
        return new ForeignKey(name, local, null, referencedTable, remote, onDelete, onUpdate, false, false);
    }

    private static ReferentialAction action(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            default -> null; // NO ACTION, the default: left unsaid, as the original most likely was
        };
    }
}
