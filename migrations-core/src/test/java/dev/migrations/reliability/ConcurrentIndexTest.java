package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.api.RevisionFailedException;
import dev.migrations.testing.LogCapture;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R8: {@code CREATE INDEX CONCURRENTLY} runs outside a transaction. It must finish while other
 * instances wait for the lock and the application holds a transaction open, and a failed or
 * interrupted build must not leave an INVALID index behind once the next run has succeeded.
 */
@Tag("slow")
class ConcurrentIndexTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void aConcurrentIndexBuildFinishesWhileInstancesWaitAndTheApplicationHoldsATransaction() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = scripts("CREATE INDEX CONCURRENTLY ix_items_name ON items (name)");
            Fleet.engine(db, scripts).upgrade("r0000");
            List<Child> fleet = new ArrayList<>();
            try (Connection app = db.dataSource().getConnection()) {
                app.setAutoCommit(false);
                try (Statement s = app.createStatement()) {
                    s.executeQuery("SELECT count(*) FROM items").close();
                    s.executeUpdate("INSERT INTO app_events (what) VALUES ('open while migrating')");
                }
                for (int i = 0; i < 4; i++) {
                    fleet.add(Child.start(db.url(), scripts.location(), "--lock-wait=90"));
                }
                int applied = 0;
                for (Child child : fleet) {
                    assertThat(child.awaitExit(WAIT)).as(child.output()).isZero();
                    applied += child.applied();
                }
                assertThat(applied).isEqualTo(2);
                app.commit();
            } finally {
                fleet.forEach(Child::close);
            }
            assertThat(Fleet.engine(db, scripts).current()).containsExactly("r0002");
            assertThat(indexes(db, "indisvalid")).isEqualTo(1);
            assertThat(indexes(db, "NOT indisvalid")).isZero();
        }
    }

    @Test
    void aFailedBuildLeavesNoInvalidIndexAndTheFixedRunBuildsIt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = scripts("CREATE UNIQUE INDEX CONCURRENTLY ix_items_name ON items (name)");
            Migrations m = Fleet.engine(db, scripts);
            m.upgrade("r0000");
            execute(db, "INSERT INTO items (id, name) VALUES (1001, 'item 7')");

            try (LogCapture log = LogCapture.of(Class.forName("dev.migrations.platform.postgresql.InvalidIndexes"))) {
                assertThatThrownBy(() -> m.upgrade("heads"))
                        .isInstanceOf(RevisionFailedException.class)
                        .hasMessageContaining("Revision r0001")
                        .hasMessageContaining("item 7")
                        .hasMessageContaining("the database is still at r0000");
                assertThat(log.joined()).contains("Dropping INVALID index").contains("left by the failed build");
            }
            assertThat(indexes(db, "true")).isZero();

            execute(db, "DELETE FROM items WHERE id = 1001");
            m.upgrade("heads");
            assertThat(m.current()).containsExactly("r0002");
            assertThat(indexes(db, "indisvalid")).isEqualTo(1);
        }
    }

    /**
     * A build killed while it waits for an old snapshot leaves an INVALID index; the next run drops
     * it and builds the index again (with IF NOT EXISTS it would otherwise keep the broken one).
     */
    @Test
    void aKilledBuildsInvalidIndexIsReplacedByTheNextRun() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = scripts("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_items_name ON items (name)");
            Fleet.engine(db, scripts).upgrade("r0000");
            try (Connection old = db.dataSource().getConnection()) {
                old.setAutoCommit(false);
                try (Statement s = old.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    s.executeQuery("SELECT count(*) FROM app_events").close(); // takes the snapshot the build waits for
                }
                try (Child child = Child.start(db.url(), scripts.location(), "--pause=during:INDEX CONCURRENTLY")) {
                    child.awaitLine("RUNNING ", WAIT);
                    awaitInvalidIndex(db);
                    child.kill();
                }
                // Still blocked by the old snapshot, the build can only end by the server noticing its client is gone.
                awaitNoActiveMigrator(db);
                old.commit();
            }
            assertThat(indexes(db, "NOT indisvalid"))
                    .as("the killed build left its index INVALID")
                    .isEqualTo(1);

            try (LogCapture log = LogCapture.of(Class.forName("dev.migrations.platform.postgresql.InvalidIndexes"))) {
                Fleet.engine(db, scripts).upgrade("heads");
                assertThat(log.joined()).contains("left by an earlier, interrupted build");
            }
            assertThat(indexes(db, "indisvalid")).isEqualTo(1);
            assertThat(indexes(db, "NOT indisvalid")).isZero();
        }
    }

    private Scripts scripts(String build) {
        Scripts scripts = new Scripts(tmp.resolve("m"));
        scripts.sql(
                "r0000",
                null,
                "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40));\n"
                        + "INSERT INTO items (id, name) SELECT g, 'item ' || g FROM generate_series(1, 1000) g;\n"
                        + "CREATE TABLE app_events (what VARCHAR(40));",
                "DROP TABLE app_events;\nDROP TABLE items;");
        scripts.write(
                "001_r0001.sql",
                "-- revision: r0001\n-- down_revision: r0000\n-- transactional: false\n\n" + "-- +upgrade\n" + build
                        + ";\n\n-- +downgrade\nDROP INDEX CONCURRENTLY ix_items_name;\n");
        scripts.sql("r0002", "r0001", "CREATE TABLE t_r0002 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0002;");
        return scripts;
    }

    /** Indexes named ix_items_name on items matching {@code condition} on pg_index. */
    private static int indexes(TestDatabase db, String condition) throws Exception {
        return Postgres.queryInt(
                db,
                "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                        + " WHERE i.indrelid = to_regclass('items') AND c.relname = 'ix_items_name' AND " + condition);
    }

    private static void awaitInvalidIndex(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (indexes(db, "NOT indisvalid") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the build never created its index entry");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitNoActiveMigrator(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Postgres.queryInt(
                        db,
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'migrations %'"
                                + " AND datname = current_database()")
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the killed build's session never ended");
            }
            Thread.sleep(50);
        }
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
