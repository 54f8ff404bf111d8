package dev.migrations.ops;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB: an ALTER queued behind a long transaction's metadata lock gives way after
 * {@code lock_wait_timeout}, so the application's queries queued behind the ALTER get through, and
 * is retried until the transaction ends; still blocked after its retries, the revision fails with
 * what to do and the database stays where it was.
 */
class MariaDbDdlSafetyTest {

    @TempDir
    Path dir;

    private static final MigrationScript ADD_COLUMN =
            CodeRevisions.reversible("op", "setup", ops -> ops.addColumn("user", column("nickname", varchar(40))));

    private Migrations migrations(OpsFixture f, int retries) {
        return Migrations.configure()
                .dataSource(f.db.dataSource())
                .locations()
                .scripts(OpsFixture.BASE, ADD_COLUMN)
                .ddlLockTimeout(Duration.ofMillis(200))
                .ddlLockRetries(retries)
                .load();
    }

    @Test
    void aBlockedAlterGivesWaySoQueriesBehindItRunAndIsRetriedUntilApplied() throws Exception {
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = migrations(f, 30);
            m.upgrade("setup");
            try (Connection blocker = f.db.dataSource().getConnection();
                    Connection application = f.db.dataSource().getConnection();
                    Connection observer = f.db.dataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.executeQuery("SELECT * FROM \"user\"").close(); // a long transaction's metadata lock
                }
                CompletableFuture<Void> upgrade = CompletableFuture.runAsync(() -> m.upgrade("op"));
                awaitAlterWaiting(observer, upgrade);

                // queued behind the waiting ALTER, this query only runs once the ALTER gives way
                CompletableFuture<Integer> query = CompletableFuture.supplyAsync(() -> {
                    try (Statement s = application.createStatement();
                            ResultSet rs = s.executeQuery("SELECT count(*) FROM \"user\"")) {
                        rs.next();
                        return rs.getInt(1);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(query.get(60, TimeUnit.SECONDS))
                        .as("the application's query ran while the long transaction still held its lock")
                        .isNotNegative();
                assertThat(upgrade).as("the ALTER is still being retried").isNotDone();

                blocker.rollback();
                upgrade.get(60, TimeUnit.SECONDS);
            }
            assertThat(m.current()).containsExactly("op");
            assertThat(f.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE()"
                            + " AND column_name = 'nickname'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void anAlterStillBlockedAfterItsRetriesFailsWithWhatToDo() throws Exception {
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = migrations(f, 1);
            m.upgrade("setup");
            try (Connection blocker = f.db.dataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.executeQuery("SELECT * FROM \"user\"").close();
                }
                assertThatThrownBy(() -> m.upgrade("op"))
                        .hasMessageContaining("Revision op")
                        .hasMessageContaining("gave up after 2 attempt(s)");
                blocker.rollback();
            }
            assertThat(m.current()).containsExactly("setup");
        }
    }

    /** Until the processlist shows the revision's ALTER waiting for the metadata lock. */
    private static void awaitAlterWaiting(Connection observer, CompletableFuture<Void> upgrade) throws Exception {
        for (int i = 0; i < 3000 && !upgrade.isDone(); i++) {
            try (Statement s = observer.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST"
                            + " WHERE STATE LIKE 'Waiting for table metadata lock' AND INFO LIKE '%nickname%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        upgrade.get(); // surfaces the upgrade's failure if it ended instead of waiting
        throw new AssertionError("the ALTER was never seen waiting for the metadata lock");
    }
}
