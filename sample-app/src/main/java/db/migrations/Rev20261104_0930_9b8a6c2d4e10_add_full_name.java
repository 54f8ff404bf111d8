package db.migrations;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;

/** The schema half of "full name": the data half is the next revision, as the seeds advise. */
@Revision(
        id = "9b8a6c2d4e10",
        down = "ae1027a6acf3",
        message = "add full_name to users",
        createDate = "2026-11-04 09:30:00")
public class Rev20261104_0930_9b8a6c2d4e10_add_full_name implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.addColumn("users", column("full_name", varchar(201)));
    }
}
