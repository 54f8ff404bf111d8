package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.api.DeadHolderPolicy;
import dev.migrations.api.HistoryRecord;
import dev.migrations.internal.runtime.MigrationLock;
import dev.migrations.platform.DatabaseLock;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.Platforms;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the multi-process tests share: a chain of revisions, the checks on the result, the lock held by hand. */
final class Fleet {

    private Fleet() {}

    /** {@code count} revisions in a line, each creating a table and an index; the last id. */
    static String chain(Scripts scripts, int count) {
        String previous = null;
        for (int i = 0; i < count; i++) {
            String id = String.format("r%04d", i);
            scripts.sql(
                    id,
                    previous,
                    "CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY, name VARCHAR(40));\n" + "CREATE INDEX ix_" + id
                            + " ON t_" + id + " (name);",
                    "DROP TABLE t_" + id + ";");
            previous = id;
        }
        return previous;
    }

    static Migrations engine(TestDatabase db, Scripts scripts) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations(scripts.location())
                .load();
    }

    /** Each revision applied exactly once: one successful history row each, its table there once, at the head. */
    static void assertAppliedOnce(TestDatabase db, Scripts scripts, int count, String head) throws SQLException {
        Migrations m = engine(db, scripts);
        assertThat(m.current()).containsExactly(head);
        List<HistoryRecord> history = m.appliedHistory();
        assertThat(history).allMatch(HistoryRecord::success);
        Map<String, Long> runs =
                history.stream().collect(Collectors.groupingBy(HistoryRecord::revision, Collectors.counting()));
        assertThat(runs)
                .hasSize(count)
                .allSatisfy((revision, n) -> assertThat(n).as(revision).isEqualTo(1L));
        assertThat(Catalog.read(db).tables().keySet())
                .filteredOn(t -> t.startsWith("t_r"))
                .hasSize(count);
    }

    /**
     * Takes the migration lock as a migrating instance would, on a connection of the caller's,
     * until {@link HeldLock#close}: PostgreSQL's advisory lock, or SQLite's write lock.
     */
    static HeldLock holdLock(TestDatabase db) throws SQLException {
        Connection connection = db.dataSource().getConnection();
        if (db.kind() == Kind.SQLITE) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM migrations_version WHERE 1 = 0");
            }
            return new HeldLock(connection, null);
        }
        DatabasePlatform platform = Platforms.detect(connection);
        String versionTable = platform.sql().qualified(null, "migrations_version");
        MigrationLock lock = new MigrationLock(
                db.url(),
                versionTable,
                Duration.ofSeconds(5),
                platform.lock(new DatabaseLock.Request(versionTable, Duration.ofSeconds(5), DeadHolderPolicy.WAIT)));
        lock.acquire(connection);
        return new HeldLock(connection, lock);
    }

    record HeldLock(Connection connection, MigrationLock lock) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (connection) {
                if (lock != null) {
                    lock.release(connection);
                } else {
                    connection.rollback();
                }
            }
        }
    }

    /**
     * Creates sequence {@code sleep_once}, which {@link #sleepOnce(int)} reads: the first statement
     * that calls it sleeps, later ones (the next boot's run of the same revision) do not. With
     * {@code sleep} false none does.
     */
    static void sleepOnce(TestDatabase db, boolean sleep) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE sleep_once");
            if (!sleep) {
                s.execute("SELECT nextval('sleep_once')");
            }
        }
    }

    /** A PostgreSQL statement that sleeps {@code seconds} the first time it runs (see {@link #sleepOnce}). */
    static String sleepOnce(int seconds) {
        return "SELECT pg_sleep(CASE WHEN nextval('sleep_once') = 1 THEN " + seconds + " ELSE 0 END)";
    }
}
