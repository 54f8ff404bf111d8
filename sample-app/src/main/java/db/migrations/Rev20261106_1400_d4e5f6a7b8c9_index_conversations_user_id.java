package db.migrations;

import static dev.migrations.schema.Dsl.index;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;

/**
 * Listing a user's conversations no longer scans the table. Starts the {@code search} branch. Built
 * concurrently, so writes to conversations go on meanwhile (PostgreSQL); a concurrent build cannot
 * run in a transaction, hence {@code transactional = false}.
 */
@Revision(
        id = "d4e5f6a7b8c9",
        down = "c3d2e1f0a9b8",
        branchLabels = "search",
        message = "index conversations.user_id",
        createDate = "2026-11-06 14:00:00",
        transactional = false)
public class Rev20261106_1400_d4e5f6a7b8c9_index_conversations_user_id implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.createIndexConcurrently(index("idx_conversations_user_id", "conversations", "user_id"));
    }
}
