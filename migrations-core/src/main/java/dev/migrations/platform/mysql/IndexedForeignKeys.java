package dev.migrations.platform.mysql;

import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.Operation;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Both servers refuse to drop the only index a foreign key can use (error 1553, "needed in a foreign
 * key constraint"). Dropping such an index or unique key therefore drops the keys that rely on it
 * first and adds them back after, which gives each its own index again, as the server does for a
 * key no index covers; creating the index again on downgrade makes the server drop that implicit
 * index, so the catalog comes back exactly.
 */
final class IndexedForeignKeys {

    private IndexedForeignKeys() {}

    /** {@code drop} surrounded by the foreign keys that rely on the index it removes. */
    static List<Operation> around(Connection connection, String schema, String table, String index, Operation drop)
            throws SQLException {
        if (table == null) {
            return List.of(drop);
        }
        Optional<Table> found = new MysqlInspector()
                .inspect(connection, schema, Set.of()).tables().stream()
                        .filter(t -> t.name().equals(table))
                        .findFirst();
        if (found.isEmpty()) {
            return List.of(drop);
        }
        Table t = found.get();
        List<List<String>> others = new ArrayList<>();
        List<String> dropped = null;
        for (Index i : t.indexes()) {
            List<String> columns = i.columns().stream().map(Index::columnOf).toList();
            if (i.name().equals(index)) {
                dropped = columns;
            } else {
                others.add(columns);
            }
        }
        for (Constraint c : t.constraints()) {
            if (c instanceof UniqueConstraint u) {
                if (index.equals(u.name())) {
                    dropped = u.columns();
                } else {
                    others.add(u.columns());
                }
            } else if (c instanceof PrimaryKey pk) {
                others.add(pk.columns());
            }
        }
        if (dropped == null) {
            return List.of(drop);
        }
        List<Operation> before = new ArrayList<>();
        List<Operation> after = new ArrayList<>();
        for (Constraint c : t.constraints()) {
            if (c instanceof ForeignKey fk
                    && startsWith(dropped, fk.columns())
                    && others.stream().noneMatch(o -> startsWith(o, fk.columns()))) {
                before.add(new DropConstraint(schema, table, fk.name(), Constraint.Type.FOREIGN_KEY, fk));
                after.add(new AddConstraint(schema, table, fk));
            }
        }
        List<Operation> out = new ArrayList<>(before);
        out.add(drop);
        out.addAll(after);
        return out;
    }

    private static boolean startsWith(List<String> indexColumns, List<String> keyColumns) {
        return indexColumns.size() >= keyColumns.size()
                && indexColumns.subList(0, keyColumns.size()).equals(keyColumns);
    }
}
