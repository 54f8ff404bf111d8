package db.migrations;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;

/** Nullable, so existing rows need no value; the downgrade (derived) drops it and its data. */
@Revision(
        id = "ae1027a6acf3",
        down = "27c6a30d7c24",
        message = "add user_preferences to conversations",
        createDate = "2026-11-03 11:00:00")
public class Rev20261103_1100_ae1027a6acf3_add_user_preferences implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.addColumn("conversations", column("user_preferences", varchar(500)).comment("User preferences JSON"));
    }
}
