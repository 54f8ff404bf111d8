package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.api.DeadHolderPolicy;
import dev.migrations.api.MigrationsException;
import dev.migrations.testing.LogCapture;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R4 and R6 on PostgreSQL: the server does not notice a killed client while its statement runs,
 * so the dead migrator's session still holds the lock. The next instance names it, and waits for
 * it or terminates it; it never runs the revision beside it. A holder whose session is ended
 * fails with a clear message while a waiter carries on.
 */
@Tag("slow")
class DeadHolderTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Keeps the server from noticing the dead client by itself, as on PostgreSQL before 14. */
    private static final String NO_CLIENT_CHECK = "&options=-c%20client_connection_check_interval%3D600000";

    @TempDir
    Path tmp;

    @Test
    void theNextInstanceWaitsForTheDeadProcessesStatementAndNamesIt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres();
                LogCapture log = LogCapture.of(Class.forName("dev.migrations.platform.postgresql.AdvisoryLock"))) {
            Scripts scripts = scripts(4);
            int orphan = killWhileSleeping(db, scripts, db.url() + NO_CLIENT_CHECK);
            assertThat(Postgres.backendExists(db, orphan))
                    .as("the dead process's statement still runs")
                    .isTrue();

            Fleet.engine(db, scripts).upgrade("heads");

            assertThat(log.joined())
                    .contains("held by pid " + orphan)
                    .contains("which no longer runs: the server is still finishing its last statement");
            assertThat(Postgres.backendExists(db, orphan)).isFalse();
            Fleet.assertAppliedOnce(db, scripts, 3, "r0002");
        }
    }

    @Test
    void theNextInstanceTerminatesTheDeadProcessesSessionWhenConfiguredTo() throws Exception {
        try (TestDatabase db = TestDatabases.postgres();
                LogCapture log = LogCapture.of(Class.forName("dev.migrations.platform.postgresql.AdvisoryLock"))) {
            Scripts scripts = scripts(600);
            int orphan = killWhileSleeping(db, scripts, db.url() + NO_CLIENT_CHECK);

            // Waiting for a ten-minute statement would exceed this timeout: only terminating it passes.
            Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(scripts.location())
                    .deadHolder(DeadHolderPolicy.TERMINATE)
                    .lockWaitTimeout(Duration.ofSeconds(60))
                    .load()
                    .upgrade("heads");

            assertThat(log.joined()).contains("Terminated the migration lock holder pid " + orphan);
            Fleet.assertAppliedOnce(db, scripts, 3, "r0002");
        }
    }

    /** Our session asks the server to check its client, so a ten-minute orphan ends on its own. */
    @Test
    void withItsDefaultSettingsTheServerEndsTheDeadProcessesStatementItself() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = scripts(600);
            killWhileSleeping(db, scripts, db.url());
            Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(scripts.location())
                    .lockWaitTimeout(Duration.ofSeconds(60))
                    .load()
                    .upgrade("heads");
            Fleet.assertAppliedOnce(db, scripts, 3, "r0002");
        }
    }

    /** R6: the holder's session is ended (a proxy or an operator): a waiter proceeds, nothing is left behind. */
    @Test
    void whenTheHoldersConnectionIsCutAWaiterTakesOverAndTheHolderSaysWhatHappened() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = scripts(600);
            Fleet.sleepOnce(db, true);
            try (Child holder = Child.start(db.url(), scripts.location(), "--pause=during:pg_sleep")) {
                holder.awaitLine("RUNNING ", WAIT);
                int backend = Postgres.awaitActiveMigrator(db, holder.pid(), WAIT);
                try (Child waiter = Child.start(db.url(), scripts.location(), "--lock-wait=60")) {
                    waiter.await(l -> l.contains("Waiting for the migration lock"), WAIT);
                    Postgres.queryInt(db, "SELECT CASE WHEN pg_terminate_backend(" + backend + ") THEN 1 ELSE 0 END");

                    assertThat(holder.awaitExit(WAIT)).as(holder.output()).isEqualTo(2);
                    assertThat(holder.awaitLine("FAILED ", WAIT))
                            .contains("Revision r0001")
                            .contains("the connection to the database was lost")
                            .contains("none of it was applied")
                            .contains("Run the command again");
                    assertThat(waiter.awaitExit(WAIT)).as(waiter.output()).isZero();
                    assertThat(waiter.applied()).isEqualTo(2);
                }
            }
            assertThat(Postgres.advisoryLocks(db)).isZero();
            Fleet.assertAppliedOnce(db, scripts, 3, "r0002");
        }
    }

    @Test
    void aWaiterThatGivesUpOnADeadHoldersStatementSaysHowToEndIt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = scripts(600);
            int orphan = killWhileSleeping(db, scripts, db.url() + NO_CLIENT_CHECK);
            Migrations waiter = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(scripts.location())
                    .lockWaitTimeout(Duration.ofSeconds(1))
                    .load();
            assertThatThrownBy(() -> waiter.upgrade("heads"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("held by pid " + orphan)
                    .hasMessageContaining("SELECT pg_terminate_backend(<pid>)")
                    .hasMessageContaining("set deadHolder to TERMINATE");
            Postgres.queryInt(db, "SELECT CASE WHEN pg_terminate_backend(" + orphan + ") THEN 1 ELSE 0 END");
        }
    }

    /**
     * r0001 sleeps for {@code seconds} after creating its table, the first time it runs; r0000 and
     * r0002 create tables. r0001 checks first that no other migrator is executing a statement.
     */
    private Scripts scripts(int seconds) {
        Scripts scripts = new Scripts(tmp.resolve("m"));
        scripts.sql("r0000", null, "CREATE TABLE t_r0000 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0000;");
        scripts.sql(
                "r0001",
                "r0000",
                "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name"
                        + " LIKE 'migrations %' AND pid <> pg_backend_pid() AND state = 'active' AND datname ="
                        + " current_database()) THEN RAISE EXCEPTION 'another migrator is still running'; END IF; END $$;\n"
                        + "CREATE TABLE t_r0001 (id INTEGER PRIMARY KEY);\n" + Fleet.sleepOnce(seconds) + ";",
                "DROP TABLE t_r0001;");
        scripts.sql("r0002", "r0001", "CREATE TABLE t_r0002 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0002;");
        return scripts;
    }

    /** Starts a migrator, kills it inside r0001's sleep; the backend that goes on running it. */
    private static int killWhileSleeping(TestDatabase db, Scripts scripts, String url) throws Exception {
        Fleet.sleepOnce(db, true);
        try (Child child = Child.start(url, scripts.location(), "--pause=during:pg_sleep")) {
            child.awaitLine("RUNNING ", WAIT);
            int backend = Postgres.awaitActiveMigrator(db, child.pid(), WAIT);
            child.kill();
            return backend;
        }
    }
}
