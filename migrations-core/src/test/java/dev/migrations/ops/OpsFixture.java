package dev.migrations.ops;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.check;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.decimal;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.Migrations;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.Table;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema the operation tests start from: tables named {@code user} and {@code order} (both
 * reserved words), a column named {@code select}, a foreign key, a check and an index, with rows.
 */
final class OpsFixture implements AutoCloseable {

    static final Table USER = new Table(
            null,
            "user",
            List.of(
                    column("id", BIGINT).identity().primaryKey(),
                    column("email", varchar(200)).notNull(),
                    column("select", varchar(50)),
                    column("name", varchar(100))),
            List.of(),
            List.of(),
            null);

    static final Table ORDER = new Table(
            null,
            "order",
            List.of(
                    column("id", BIGINT).identity().primaryKey(),
                    column("user_id", BIGINT).notNull(),
                    column("total", decimal(10, 2)).notNull().serverDefault("0"),
                    column("status", varchar(20)).serverDefault("'new'")),
            List.of(
                    foreignKey("fk_order_user", "user_id")
                            .references("user", "id")
                            .onDelete(ReferentialAction.CASCADE),
                    check("ck_order_total", "total >= 0")),
            List.of(index("ix_order_user", "order", "user_id")),
            null);

    static final MigrationScript BASE = CodeRevisions.of(
            "setup",
            null,
            ops -> {
                ops.createTable(USER);
                ops.createTable(ORDER);
                ops.bulkInsert(
                        "user",
                        List.of(
                                Map.of("email", "ann@example.com", "select", "a", "name", "Ann"),
                                Map.of("email", "bob@example.com", "select", "b", "name", "Bob")));
                ops.bulkInsert(
                        "order",
                        List.of(
                                Map.of("user_id", 1L, "total", new java.math.BigDecimal("10.50"), "status", "paid"),
                                Map.of("user_id", 2L, "total", new java.math.BigDecimal("3.00"))));
            },
            ops -> {
                ops.dropTable("order");
                ops.dropTable("user");
            });

    final TestDatabase db;

    OpsFixture(TestDatabases.Kind kind, Path dir) {
        this.db = TestDatabases.create(kind, dir);
    }

    Migrations migrations(MigrationScript... more) {
        List<MigrationScript> all = new ArrayList<>(List.of(BASE));
        all.addAll(List.of(more));
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations()
                .scripts(all.toArray(MigrationScript[]::new))
                .load();
    }

    /** Upgrades to base, applies {@code op} as revision "op", checks, downgrades, and compares catalogs. */
    Catalog roundTrip(ReversibleMigration op) throws SQLException {
        return roundTrip(CodeRevisions.reversible("op", "setup", op));
    }

    Catalog roundTrip(MigrationScript op) throws SQLException {
        return roundTrip(op, () -> {});
    }

    /** As {@link #roundTrip(MigrationScript)}, running {@code whileUpgraded} before the downgrade. */
    Catalog roundTrip(MigrationScript op, Check whileUpgraded) throws SQLException {
        Migrations m = migrations(op);
        m.upgrade("setup");
        Catalog before = Catalog.read(db);
        m.upgrade("op");
        Catalog after = Catalog.read(db);
        whileUpgraded.run();
        m.downgrade("setup");
        Catalog back = Catalog.read(db);
        org.assertj.core.api.Assertions.assertThat(back)
                .as("catalog after upgrade and downgrade")
                .isEqualTo(before);
        org.assertj.core.api.Assertions.assertThat(after)
                .as("the operation changed the catalog")
                .isNotEqualTo(before);
        return after;
    }

    @FunctionalInterface
    interface Check {
        void run() throws SQLException;
    }

    @Override
    public void close() throws Exception {
        db.close();
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code "order"} as this database wants it quoted in a hand-written query. */
    static String q(String name) {
        return "\"" + name + "\"";
    }
}
