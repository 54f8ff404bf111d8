package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.api.HistoryRecord;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R3 (and R4 on PostgreSQL): a migrating process is killed with SIGKILL at each point of a
 * multi-statement revision: before, between and inside its statements, during the version-table
 * and history writes, at and after the commit; and at random moments. Afterwards the catalog is
 * exactly the schema of the revision the version table names, the history holds exactly the
 * revisions up to it, and the next boot finishes the job with no manual step.
 */
@Tag("slow")
class KillMidMigrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<String> REVISIONS = List.of("r0000", "r0001", "r0002", "r0003");
    private static final String SLOW_POSTGRES = Fleet.sleepOnce(2);
    private static final String SLOW_SQLITE = "INSERT INTO k_items (id, name) WITH RECURSIVE c(x) AS (SELECT 2"
            + " UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT x, 'bulk' FROM c";
    /** No other migrator may be executing a statement when revision r0002 starts (R4). */
    private static final String NO_OTHER_MIGRATOR = "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE"
            + " application_name LIKE 'migrations %' AND pid <> pg_backend_pid() AND state = 'active'"
            + " AND datname = current_database()) THEN RAISE EXCEPTION 'another migrator is still running'; END IF;"
            + " END $$";

    @TempDir
    Path tmp;

    static Stream<Arguments> killPoints() {
        List<String> points = List.of(
                "before:CREATE TABLE k_items",
                "after:CREATE TABLE k_items",
                "during:SLOW",
                "after:SLOW",
                "after:CREATE INDEX ix_k_items",
                "before:UPDATE \"migrations_version\"",
                "before:INSERT INTO \"migrations_history\"",
                "after:INSERT INTO \"migrations_history\"",
                "commit:3",
                "before:CREATE TABLE t_r0003");
        return Stream.of(Kind.POSTGRESQL, Kind.SQLITE)
                .flatMap(kind -> points.stream().map(p -> Arguments.of(kind, p)));
    }

    @ParameterizedTest(name = "{0} killed at {1}")
    @MethodSource("killPoints")
    void aKilledMigrationLeavesAConsistentDatabaseAndTheNextBootFinishes(Kind kind, String point) throws Exception {
        Scripts scripts = scripts(kind);
        Map<String, Catalog> expected = catalogs(kind, scripts);
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            prepare(db, true);
            String pause = point.replace("SLOW", kind == Kind.POSTGRESQL ? "pg_sleep" : "WITH RECURSIVE");
            try (Child child = Child.start(db.url(), scripts.location(), "--pause=" + pause)) {
                if (point.startsWith("during:")) {
                    child.awaitLine("RUNNING ", WAIT);
                    Thread.sleep(300); // well inside the statement, which runs for seconds
                } else {
                    child.awaitLine("PAUSED ", WAIT);
                }
                child.kill();
            }
            assertConsistent(db, scripts, expected, point);
            Fleet.engine(db, scripts).upgrade("heads");
            assertConsistent(db, scripts, expected, point);
            assertThat(Fleet.engine(db, scripts).current()).containsExactly("r0003");
        }
    }

    /** Kills at a random moment of the run; the seed is in the failure message. */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("randomKills")
    void aKillAtARandomMomentLeavesAConsistentDatabase(Kind kind, long seed) throws Exception {
        Scripts scripts = scripts(kind);
        Map<String, Catalog> expected = catalogs(kind, scripts);
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            prepare(db, true);
            int delay = new Random(seed).nextInt(2_500);
            try (Child child = Child.start(db.url(), scripts.location())) {
                Thread.sleep(delay);
                child.kill();
            }
            assertConsistent(db, scripts, expected, "seed " + seed + ", " + delay + " ms");
            Fleet.engine(db, scripts).upgrade("heads");
            assertConsistent(db, scripts, expected, "seed " + seed + ", after the next boot");
        }
    }

    static Stream<Arguments> randomKills() {
        long base = System.nanoTime();
        return Stream.of(Kind.POSTGRESQL, Kind.SQLITE)
                .flatMap(kind -> Stream.of(0, 1).map(i -> Arguments.of(kind, base + i * 7919L)));
    }

    private Scripts scripts(Kind kind) {
        Scripts scripts = new Scripts(tmp.resolve("m"));
        scripts.sql("r0000", null, "CREATE TABLE t_r0000 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0000;");
        scripts.sql("r0001", "r0000", "CREATE TABLE t_r0001 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0001;");
        String guard = kind == Kind.POSTGRESQL ? NO_OTHER_MIGRATOR + ";\n" : "";
        String slow = kind == Kind.POSTGRESQL ? SLOW_POSTGRES : SLOW_SQLITE;
        scripts.sql(
                "r0002",
                "r0001",
                guard + "CREATE TABLE k_items (id INTEGER PRIMARY KEY, name VARCHAR(40));\n"
                        + "INSERT INTO k_items (id, name) VALUES (1, 'one');\n" + slow + ";\n"
                        + "CREATE INDEX ix_k_items ON k_items (name);",
                "DROP TABLE k_items;");
        scripts.sql("r0003", "r0002", "CREATE TABLE t_r0003 (id INTEGER PRIMARY KEY);", "DROP TABLE t_r0003;");
        return scripts;
    }

    /** The catalog and the row count of k_items at each revision, from a database migrated step by step. */
    private Map<String, Catalog> catalogs(Kind kind, Scripts scripts) throws Exception {
        Map<String, Catalog> byRevision = new HashMap<>();
        try (TestDatabase reference = TestDatabases.create(kind, tmp)) {
            prepare(reference, false);
            Migrations m = Fleet.engine(reference, scripts);
            for (String revision : REVISIONS) {
                m.upgrade(revision);
                byRevision.put(revision, Catalog.read(reference));
            }
        }
        return byRevision;
    }

    /** The catalog is the schema of the revision the version table names, and the history agrees. */
    private static void assertConsistent(TestDatabase db, Scripts scripts, Map<String, Catalog> expected, String point)
            throws Exception {
        Migrations m = Fleet.engine(db, scripts);
        List<String> current = m.current();
        if (current.isEmpty()) {
            assertThat(Catalog.read(db).tables().keySet())
                    .as(point)
                    .noneMatch(t -> t.startsWith("t_") || t.startsWith("k_"));
            return;
        }
        assertThat(current).as(point).hasSize(1);
        String at = current.get(0);
        assertThat(Catalog.read(db))
                .as("catalog at %s, killed at %s", at, point)
                .isEqualTo(expected.get(at));
        List<String> applied = m.appliedHistory().stream()
                .filter(HistoryRecord::success)
                .map(HistoryRecord::revision)
                .toList();
        assertThat(applied).as(point).containsExactlyElementsOf(REVISIONS.subList(0, REVISIONS.indexOf(at) + 1));
        if (REVISIONS.indexOf(at) >= 2) {
            assertThat(count(db, "k_items WHERE name = 'one'")).as(point).isEqualTo(1);
        }
    }

    /** On PostgreSQL, r0002's sleep runs in the first run of the database under test only. */
    private static void prepare(TestDatabase db, boolean sleep) throws Exception {
        if (db.kind() == Kind.POSTGRESQL) {
            Fleet.sleepOnce(db, sleep);
        }
    }

    private static int count(TestDatabase db, String from) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
