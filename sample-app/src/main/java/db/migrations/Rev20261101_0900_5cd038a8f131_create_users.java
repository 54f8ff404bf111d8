package db.migrations;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.unique;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;
import java.util.List;
import java.util.Map;

/** The baseline: users, with two people so a fresh install has something to show. */
@Revision(id = "5cd038a8f131", message = "create users", createDate = "2026-11-01 09:00:00")
public class Rev20261101_0900_5cd038a8f131_create_users implements ReversibleMigration {

    @Override
    public void upgrade(Ops ops) {
        ops.createTable(
                "users",
                column("id", BIGINT).identity().primaryKey(),
                column("email", varchar(200)).notNull(),
                column("first_name", varchar(100)).notNull(),
                column("last_name", varchar(100)).notNull(),
                unique("uq_users_email", "email"));
        ops.bulkInsert(
                "users",
                List.of(
                        Map.of("email", "ada@example.com", "first_name", "Ada", "last_name", "Lovelace"),
                        Map.of("email", "grace@example.com", "first_name", "Grace", "last_name", "Hopper")));
    }
}
