package dev.migrations.ops;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.CASCADE;
import static dev.migrations.schema.Dsl.TEXT;
import static dev.migrations.schema.Dsl.check;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.decimal;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's operations example, as written there, upgraded and downgraded on SQLite. */
class ReadmeExampleTest {

    @Revision(id = "3f2a9c1b7d4e", message = "users")
    public static class Users implements Migration {
        public void upgrade(Ops ops) {
            ops.createTable("user", column("id", BIGINT).identity().primaryKey(), column("email", varchar(200)));
        }

        public void downgrade(Ops ops) {
            ops.dropTable("user");
        }
    }

    @Revision(id = "5b8c0e7d21aa", down = "3f2a9c1b7d4e", message = "orders")
    public static class Orders implements ReversibleMigration {
        public void upgrade(Ops ops) {
            ops.createTable(
                    "order",
                    column("id", BIGINT).identity().primaryKey(),
                    column("user_id", BIGINT).notNull(),
                    column("total", decimal(10, 2)).notNull().serverDefault("0"),
                    column("status", varchar(20)).serverDefault("'new'").comment("lifecycle state"),
                    foreignKey("fk_order_user", "user_id")
                            .references("user", "id")
                            .onDelete(CASCADE),
                    check("ck_order_total", "total >= 0"),
                    index("ix_order_user", "order", "user_id"));
            ops.alterColumn("user", "email", c -> c.type(TEXT).nullable(false).existing(column("email", varchar(200))));
        }
    }

    @TempDir
    Path dir;

    @Test
    void theExampleUpgradesAndItsDerivedDowngradeUndoesIt() throws Exception {
        var db = TestDatabases.sqlite(dir.resolve("readme.db"));
        Migrations m = Migrations.configure()
                .dataSource(db.dataSource())
                .locations()
                .javaMigrations(new Users(), new Orders())
                .load();
        m.upgrade("3f2a9c1b7d4e");
        Catalog before = Catalog.read(db);
        m.upgrade("heads");
        Catalog after = Catalog.read(db);
        assertThat(after.table("order").foreignKeys())
                .singleElement()
                .asString()
                .contains("del=cascade");
        assertThat(after.column("user", "email").nullable()).isFalse();
        m.downgrade("3f2a9c1b7d4e");
        assertThat(Catalog.read(db)).isEqualTo(before);
    }
}
