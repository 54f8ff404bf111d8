package dev.migrations.ops;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.TEXT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.uniqueIndex;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's table rebuild on a table with 100,000 rows, two indexes, a trigger, a foreign key out
 * (to {@code account}) and one in (from {@code payment}), with foreign keys enforced.
 */
class SqliteRebuildTest {

    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    private static final MigrationScript SETUP = CodeRevisions.of(
            "setup",
            null,
            ops -> {
                ops.createTable("account", column("id", INTEGER).primaryKey(), column("name", varchar(50)));
                ops.createTable(
                        "invoice",
                        column("id", INTEGER).identity().primaryKey(),
                        column("account_id", INTEGER).notNull(),
                        column("number", varchar(20)).notNull(),
                        column("amount", INTEGER).notNull(),
                        column("note", TEXT),
                        foreignKey("fk_invoice_account", "account_id")
                                .references("account", "id")
                                .onDelete(ReferentialAction.CASCADE),
                        index("ix_invoice_account", "invoice", "account_id"),
                        uniqueIndex("ux_invoice_number", "invoice", "number"));
                ops.createTable(
                        "payment",
                        column("id", INTEGER).primaryKey(),
                        column("invoice_id", INTEGER)
                                .notNull()
                                .references(foreignKey("fk_payment_invoice", "invoice_id")
                                        .references("invoice", "id")
                                        .onDelete(ReferentialAction.CASCADE)));
                ops.createTable("audit", column("invoice_id", INTEGER), column("amount", INTEGER));
                ops.execute("CREATE TRIGGER tr_invoice_audit AFTER UPDATE OF amount ON invoice BEGIN"
                        + " INSERT INTO audit VALUES (NEW.id, NEW.amount); END");
                ops.execute("INSERT INTO account (id, name) VALUES (1, 'a'), (2, 'b')");
                ops.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ")"
                        + " INSERT INTO invoice (id, account_id, number, amount, note) SELECT i, 1 + i % 2, 'INV-' || i,"
                        + " i * 3, CASE WHEN i % 7 = 0 THEN NULL ELSE 'n' || i END FROM n");
                ops.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                        + " INSERT INTO payment (id, invoice_id) SELECT i, i * 10 FROM n");
            },
            ops -> {
                ops.dropTable("audit");
                ops.dropTable("payment");
                ops.dropTable("invoice");
                ops.dropTable("account");
            });

    /** Three changes to invoice: one rebuild. */
    private static final MigrationScript CHANGE = CodeRevisions.reversible("change", "setup", ops -> {
        ops.alterColumn(
                "invoice",
                "amount",
                c -> c.type(BIGINT)
                        .serverDefault("0")
                        .existing(column("amount", INTEGER).notNull()));
        ops.addColumn("invoice", column("status", varchar(10)).notNull().serverDefault("'open'"));
        ops.dropColumn("invoice", column("note", TEXT));
        ops.createCheckConstraint("ck_invoice_amount", "invoice", "amount >= 0");
    });

    private TestDatabase database() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        Path file = dir.resolve("rebuild.db");
        ds.setUrl("jdbc:sqlite:" + file);
        return new TestDatabase(TestDatabases.Kind.SQLITE, ds, ds.getUrl(), () -> {});
    }

    @Test
    void rebuildKeepsEveryRowIndexTriggerAndKeyAndIsOneRebuild() throws Exception {
        TestDatabase db = database();
        Migrations m = Migrations.configure()
                .dataSource(db.dataSource())
                .locations()
                .scripts(SETUP, CHANGE)
                .load();
        m.upgrade("setup");
        Catalog before = Catalog.read(db);
        long schemaVersion = scalar(db, "PRAGMA schema_version");
        m.upgrade("change");

        // One rebuild changes the schema a fixed number of times; a rebuild per change would triple it.
        long changes = scalar(db, "PRAGMA schema_version") - schemaVersion;
        assertThat(changes).isLessThan(12);
        assertThat(scalar(db, "SELECT count(*) FROM invoice")).isEqualTo(ROWS);
        assertThat(scalar(db, "SELECT sum(amount) FROM invoice")).isEqualTo(3L * ROWS * (ROWS + 1) / 2);
        assertThat(scalar(db, "SELECT count(*) FROM invoice WHERE status = 'open'"))
                .isEqualTo(ROWS);
        assertThat(scalar(db, "SELECT count(*) FROM payment")).isEqualTo(1000);
        assertThat(scalar(db, "PRAGMA foreign_keys")).as("enforcement restored").isEqualTo(1);
        Catalog after = Catalog.read(db);
        assertThat(after.table("invoice").indexes())
                .anyMatch(i -> i.startsWith("ix_invoice_account [account_id]"))
                .anyMatch(i -> i.startsWith("ux_invoice_number unique [number]"));
        assertThat(after.table("invoice").foreignKeys())
                .singleElement()
                .asString()
                .contains("fk_invoice_account->account del=cascade");
        assertThat(after.table("payment").foreignKeys())
                .singleElement()
                .asString()
                .contains("->invoice");
        assertThat(after.table("invoice").checks()).anyMatch(c -> c.startsWith("ck_invoice_amount"));
        assertThat(after.column("invoice", "amount").type()).startsWith("bigint");
        assertThat(after.table("invoice").columns()).doesNotContainKey("note");
        assertThat(scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))
                .isEqualTo(1);

        // The trigger still fires, the keys still hold, and the cascade still reaches payment.
        execute(db, "UPDATE invoice SET amount = 1 WHERE id = 10");
        assertThat(scalar(db, "SELECT count(*) FROM audit")).isEqualTo(1);
        assertThatThrownBy(() -> execute(db, "INSERT INTO invoice (account_id, number, amount) VALUES (99, 'x', 1)"))
                .hasMessageContaining("FOREIGN KEY");
        execute(db, "DELETE FROM invoice WHERE id = 10");
        assertThat(scalar(db, "SELECT count(*) FROM payment")).isEqualTo(999);
        assertThatThrownBy(() -> execute(db, "UPDATE invoice SET amount = -1 WHERE id = 20"))
                .hasMessageContaining("CHECK");

        m.downgrade("setup");
        Catalog back = Catalog.read(db);
        assertThat(back).isEqualTo(before);
        assertThat(scalar(db, "SELECT count(*) FROM invoice")).isEqualTo(ROWS - 1);
        assertThat(scalar(db, "SELECT count(*) FROM payment")).isEqualTo(999);
    }

    @Test
    void aRebuildThatWouldBreakDataRollsBackAndKeepsEveryRow() throws Exception {
        TestDatabase db = database();
        MigrationScript notNull = CodeRevisions.reversible(
                "strict",
                "setup",
                ops -> ops.alterColumn("invoice", "note", c -> c.nullable(false).existing(column("note", TEXT))));
        Migrations m = Migrations.configure()
                .dataSource(db.dataSource())
                .locations()
                .scripts(SETUP, notNull)
                .load();
        m.upgrade("setup");
        assertThatThrownBy(() -> m.upgrade("strict"))
                .hasMessageContaining("Revision strict")
                .hasMessageContaining("NOT NULL constraint failed: invoice.note")
                .hasMessageContaining("rebuild of table invoice for: alter column invoice.note")
                .hasMessageNotContaining("_migrations_tmp")
                .hasMessageContaining("still at setup");
        assertThat(scalar(db, "SELECT count(*) FROM invoice")).isEqualTo(ROWS);
        assertThat(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE '_migrations_tmp%'"))
                .isZero();
        assertThat(scalar(db, "PRAGMA foreign_keys")).isEqualTo(1);
        assertThat(m.current()).containsExactly("setup");
    }

    @Test
    void dataThatBreaksAForeignKeyIsRefusedAlthoughEnforcementIsOffDuringTheRevision() throws Exception {
        TestDatabase db = database();
        MigrationScript orphan = CodeRevisions.of(
                "orphan",
                "setup",
                ops -> ops.execute("INSERT INTO payment (id, invoice_id) VALUES (5000000, 99999999)"),
                ops -> {});
        Migrations m = Migrations.configure()
                .dataSource(db.dataSource())
                .locations()
                .scripts(SETUP, orphan)
                .load();
        m.upgrade("setup");
        assertThatThrownBy(() -> m.upgrade("orphan"))
                .hasMessageContaining("Revision orphan")
                .hasMessageContaining("foreign keys are broken")
                .hasMessageContaining("payment");
        assertThat(scalar(db, "SELECT count(*) FROM payment")).isEqualTo(1000);
        assertThat(scalar(db, "PRAGMA foreign_keys")).isEqualTo(1);
    }

    private static long scalar(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
