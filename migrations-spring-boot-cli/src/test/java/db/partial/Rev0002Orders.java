package db.partial;

import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.api.Revision;

/**
 * Stops at its third statement (a table that exists) on a database whose DDL commits by itself,
 * leaving the first two applied; {@code PartiallyAppliedProcessTests} downgrades it from there.
 */
@Revision(id = "part0002", down = "part0001", message = "orders and a note")
public class Rev0002Orders implements Migration {

    @Override
    public void upgrade(Ops ops) {
        ops.createTable("orders", column("id", INTEGER).primaryKey());
        ops.addColumn("people", column("note", varchar(40)));
        ops.createTable("people", column("id", INTEGER).primaryKey());
    }

    @Override
    public void downgrade(Ops ops) {
        ops.dropColumn("people", "note");
        ops.dropTable("orders");
    }
}
