package db.migrations;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;

/** The Java half of the test scripts: one portable operation on every database. */
@Revision(id = "b2f0c0de0002", down = "a1f0c0de0001", message = "add person email", createDate = "2026-11-21 09:05:00")
public class Rev20261121_0905_b2f0c0de0002_add_person_email implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.addColumn("person", column("email", varchar(200)));
    }
}
