package db.migrations;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.CASCADE;
import static dev.migrations.schema.Dsl.TEXT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;

/** Conversations belong to a user; messages to a conversation. Deleting a parent deletes its children. */
@Revision(
        id = "27c6a30d7c24",
        down = "5cd038a8f131",
        message = "create conversations and messages",
        createDate = "2026-11-02 10:00:00")
public class Rev20261102_1000_27c6a30d7c24_create_conversations_and_messages implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.createTable(
                "conversations",
                column("id", BIGINT).identity().primaryKey(),
                column("user_id", BIGINT).notNull(),
                column("title", varchar(200)).notNull(),
                foreignKey("fk_conversations_user", "user_id")
                        .references("users", "id")
                        .onDelete(CASCADE));
        ops.createTable(
                "messages",
                column("id", BIGINT).identity().primaryKey(),
                column("conversation_id", BIGINT).notNull(),
                column("role", varchar(20)),
                column("content", TEXT).notNull(),
                foreignKey("fk_messages_conversation", "conversation_id")
                        .references("conversations", "id")
                        .onDelete(CASCADE));
    }
}
