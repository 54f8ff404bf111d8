package dev.migrations.ops;

import static dev.migrations.ops.OpsFixture.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.api.Ops;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Raw SQL, per-database SQL, bulk inserts and streamed data migrations on every database. */
class DataOpsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void executeOnRunsOnlyOnTheNamedDatabases(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Migrations m = f.migrations(CodeRevisions.of(
                    "op",
                    "setup",
                    ops -> {
                        ops.executeOn("postgresql", "UPDATE " + q("user") + " SET name = 'pg'");
                        ops.executeOn("sqlite, h2, mariadb", "UPDATE " + q("user") + " SET name = 'other'");
                        ops.execute("UPDATE " + q("user") + " SET " + q("select") + " = 'both'");
                    },
                    ops -> {}));
            m.upgrade("op");
            String expected = kind == Kind.POSTGRESQL ? "pg" : "other";
            assertThat(f.count("SELECT count(*) FROM " + q("user") + " WHERE name = '" + expected + "'"))
                    .isEqualTo(2);
            assertThat(f.count("SELECT count(*) FROM " + q("user") + " WHERE " + q("select") + " = 'both'"))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bulkInsertUsesDefaultsForColumnsARowLeavesOut(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("user_id", 1 + i % 2);
                row.put("total", new java.math.BigDecimal(i));
                if (i % 2 == 0) {
                    row.put("status", "bulk");
                }
                rows.add(row);
            }
            Migrations m = f.migrations(CodeRevisions.of(
                    "op",
                    "setup",
                    ops -> ops.bulkInsert("order", rows),
                    ops -> ops.execute("DELETE FROM " + q("order") + " WHERE id > 2")));
            m.upgrade("op");
            assertThat(f.count("SELECT count(*) FROM " + q("order"))).isEqualTo(2_502);
            assertThat(f.count("SELECT count(*) FROM " + q("order") + " WHERE status = 'bulk'"))
                    .isEqualTo(1_250);
            assertThat(f.count("SELECT count(*) FROM " + q("order") + " WHERE status = 'new'"))
                    .isEqualTo(1_251);
            m.downgrade("setup");
            assertThat(f.count("SELECT count(*) FROM " + q("order"))).isEqualTo(2);
        }
    }

    /** Reference rows seeded with the table they go in need no hand-written downgrade: the drop takes them. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsInsertedIntoATableTheRevisionCreatesReverseWithTheTable(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            f.roundTrip(ops -> {
                ops.createTable(
                        "status",
                        dev.migrations.schema.Dsl.column("code", dev.migrations.schema.Dsl.varchar(10))
                                .primaryKey());
                ops.bulkInsert("status", List.of(Map.of("code", "new"), Map.of("code", "paid")));
            });
            Migrations m = f.migrations(CodeRevisions.reversible(
                    "op", "setup", ops -> ops.bulkInsert("order", List.of(Map.of("user_id", 1, "total", 5)))));
            m.upgrade("op");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.downgrade("setup"))
                    .as("rows in a table that stays still need a hand-written downgrade")
                    .hasMessageContaining("cannot derive the downgrade");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dataMigrationStreamsRowsAndWritesInBatches(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            AtomicLong written = new AtomicLong();
            Migrations m = f.migrations(
                    CodeRevisions.of(
                            "fill",
                            "setup",
                            ops -> ops.execute("INSERT INTO " + q("order") + " (user_id, total) SELECT 1, 5 FROM "
                                    + q("order") + " a, " + q("order") + " b"),
                            ops -> {}),
                    CodeRevisions.of(
                            "op",
                            "fill",
                            (Ops ops) -> {
                                try (Ops.BatchWriter writer =
                                        ops.batch("UPDATE " + q("order") + " SET status = ? WHERE id = ?", 2)) {
                                    ops.query(
                                            "SELECT id, total FROM " + q("order") + " WHERE total > ?",
                                            row -> writer.add(
                                                    "big-"
                                                            + row.getBigDecimal("total")
                                                                    .intValue(),
                                                    row.getLong("id")),
                                            new java.math.BigDecimal("4"));
                                    written.set(writer.count());
                                }
                            },
                            ops -> {}));
            m.upgrade("op");
            assertThat(written.get()).isEqualTo(5);
            assertThat(f.count("SELECT count(*) FROM " + q("order") + " WHERE status = 'big-5'"))
                    .isEqualTo(4);
            assertThat(f.count("SELECT count(*) FROM " + q("order") + " WHERE status = 'big-10'"))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingDataMigrationRollsBackItsRevision(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Migrations m = f.migrations(CodeRevisions.of(
                    "op",
                    "setup",
                    ops -> {
                        ops.update("UPDATE " + q("user") + " SET name = ?", "changed");
                        ops.update("INSERT INTO " + q("user") + " (email) VALUES (?)", (Object) null);
                    },
                    ops -> {}));
            m.upgrade("setup");
            assertThatThrownBy(() -> m.upgrade("op"))
                    .hasMessageContaining("Revision op")
                    .hasMessageContaining("INSERT INTO")
                    .hasMessageContaining("still at setup");
            assertThat(f.count("SELECT count(*) FROM " + q("user") + " WHERE name = 'changed'"))
                    .isZero();
        }
    }
}
