package db.partial;

import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.column;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;

/** The revision below the partly applied one in {@code PartiallyAppliedProcessTests}. */
@Revision(id = "part0001", message = "people")
public class Rev0001People implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.createTable("people", column("id", INTEGER).primaryKey());
    }
}
