package db.migrations;

import static dev.migrations.schema.Dsl.BOOLEAN;
import static dev.migrations.schema.Dsl.column;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;

/** A NOT NULL column on a table with rows needs a server default; existing conversations start unarchived. */
@Revision(
        id = "b7c8d9e0f1a2",
        down = "f6a7b8c9d0e1",
        message = "add archived flag to conversations",
        createDate = "2026-11-10 10:00:00")
public class Rev20261110_1000_b7c8d9e0f1a2_add_archived_flag implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.addColumn("conversations", column("archived", BOOLEAN).notNull().serverDefault("false"));
    }
}
