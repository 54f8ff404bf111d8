package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.api.HistoryRecord;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On MariaDB each DDL statement commits, so a killed revision cannot be rolled back: a migrating
 * process is killed with SIGKILL between and inside the statements of a five-statement revision.
 * Afterwards the journal names the last completed statement (the database shows exactly those,
 * plus at most the one that was running), and the next boot resumes there and reaches the head
 * with the reference catalog.
 */
@Tag("slow")
class MariaDbKillTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String R2 = "r0002";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(
            strings = {
                "after:CREATE TABLE k_items",
                "after:INSERT INTO k_items (id, name) VALUES (1",
                "after:ALTER TABLE k_items",
                "during:SLEEP",
                "before:CREATE INDEX ix_k_items",
                "before:UPDATE `migrations_version`"
            })
    void aKilledRevisionResumesAfterItsLastCompletedStatement(String point) throws Exception {
        Scripts scripts = scripts();
        Catalog reference = reference(scripts);
        try (TestDatabase db = TestDatabases.mariadb()) {
            try (Child child = Child.start(db.url(), scripts.location(), "--pause=" + point)) {
                if (point.startsWith("during:")) {
                    child.awaitLine("RUNNING ", WAIT);
                    Thread.sleep(300); // inside the two-second statement
                } else {
                    child.awaitLine("PAUSED ", WAIT);
                }
                child.kill();
            }
            Migrations m = Fleet.engine(db, scripts);
            List<Boolean> effects = effects(db);
            int visible = effects.indexOf(false) < 0 ? effects.size() : effects.indexOf(false);
            assertThat(effects.subList(visible, effects.size()))
                    .as("the statements that took effect are a prefix, killed at %s: %s", point, effects)
                    .doesNotContain(true);
            Optional<HistoryRecord> journal = m.appliedHistory().stream()
                    .filter(h -> h.revision().equals(R2) && !h.success())
                    .reduce((a, b) -> b);
            if (!m.current().contains("r0001")) {
                assertThat(journal).as(point).isEmpty(); // r0002 finished, or never started
            } else {
                int done = journal.map(HistoryRecord::statementsDone).orElse(0);
                assertThat(visible)
                        .as("journal says %d done, the database shows %s, killed at %s", done, effects, point)
                        .isBetween(done, done + 1);
            }

            Fleet.engine(db, scripts).upgrade("heads");
            assertThat(Fleet.engine(db, scripts).current()).containsExactly("r0003");
            assertThat(Catalog.read(db)).as("killed at %s", point).isEqualTo(reference);
            assertThat(effects(db)).as(point).containsOnly(true);
            assertThat(count(db, "k_items")).as(point).isEqualTo(2);
        }
    }

    private static Catalog reference;

    /** The catalog of a database migrated without interruption; the same for every kill point. */
    private static synchronized Catalog reference(Scripts scripts) throws Exception {
        if (reference == null) {
            try (TestDatabase db = TestDatabases.mariadb()) {
                Fleet.engine(db, scripts).upgrade("heads");
                reference = Catalog.read(db);
            }
        }
        return reference;
    }

    private Scripts scripts() {
        Scripts scripts = new Scripts(tmp.resolve("m"));
        scripts.sql("r0000", null, "CREATE TABLE t_r0000 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0000;");
        scripts.sql("r0001", "r0000", "CREATE TABLE t_r0001 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0001;");
        scripts.sql(
                R2,
                "r0001",
                "CREATE TABLE k_items (id INTEGER PRIMARY KEY, name VARCHAR(40));\n"
                        + "INSERT INTO k_items (id, name) VALUES (1, 'one');\n"
                        + "ALTER TABLE k_items ADD COLUMN note VARCHAR(20);\n"
                        + "INSERT INTO k_items (id, name) SELECT 2, 'slow' FROM (SELECT SLEEP(2) AS s) AS pause;\n"
                        + "CREATE INDEX ix_k_items ON k_items (name);",
                "DROP TABLE k_items;");
        scripts.sql("r0003", R2, "CREATE TABLE t_r0003 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0003;");
        return scripts;
    }

    /** Whether each of r0002's five statements shows in the database. */
    private static List<Boolean> effects(TestDatabase db) throws Exception {
        List<Boolean> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            out.add(exists(
                    s,
                    "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'k_items'"));
            boolean table = out.get(0);
            out.add(table && exists(s, "SELECT 1 FROM k_items WHERE id = 1"));
            out.add(exists(
                    s,
                    "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'k_items' AND COLUMN_NAME = 'note'"));
            out.add(table && exists(s, "SELECT 1 FROM k_items WHERE id = 2"));
            out.add(exists(
                    s,
                    "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'k_items' AND INDEX_NAME = 'ix_k_items'"));
        }
        return out;
    }

    private static boolean exists(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static int count(TestDatabase db, String table) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
