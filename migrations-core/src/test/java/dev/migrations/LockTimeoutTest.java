package dev.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A waiter gives up after the configured timeout and names the PostgreSQL session holding the lock. */
class LockTimeoutTest {

    @TempDir
    Path tmp;

    @Test
    void waiterTimesOutNamingTheHolder() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.sql("slow00000001", null, "SELECT pg_sleep(6);", "SELECT 1;");
            Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConcurrentMigrateMain.class.getName(), db.url(),
                    s.location()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                waitForAdvisoryLock(db);
                Migrations waiter = Migrations.configure().dataSource(db.dataSource()).locations(s.location())
                        .lockWaitTimeout(Duration.ofSeconds(1)).load();
                assertThatThrownBy(() -> waiter.upgrade("heads")).isInstanceOf(MigrationsException.class)
                        .hasMessageContaining("Timed out after 1 s waiting for the migration lock")
                        .hasMessageContaining("held by pid").hasMessageContaining("migrations.lock-wait-timeout");
                assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(holder.exitValue()).isZero();
                assertThat(waiter.current()).containsExactly("slow00000001");
            } finally {
                holder.destroyForcibly();
            }
        }
    }

    private static void waitForAdvisoryLock(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a"
                            + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                            + " AND a.query LIKE '%pg_sleep(6)%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the holder never took the lock");
    }
}
