package dev.migrations.journal;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Ops;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.ops.CreateTable;
import dev.migrations.schema.Dsl;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a database whose DDL commits by itself (MariaDB, H2), a downgrade through a partly applied
 * revision undoes exactly the operations its completed statements carried out, or refuses and
 * changes nothing when that cannot be done safely.
 */
class PartialDowngradeTest {

    @TempDir
    Path tmp;

    /** The revision below: a table with a row, which the undo must leave alone. */
    private static final MigrationScript SETUP = CodeRevisions.of(
            "setup",
            null,
            ops -> {
                ops.createTable("setup_t", column("id", BIGINT).primaryKey(), column("name", varchar(50)));
                ops.execute("INSERT INTO setup_t (id, name) VALUES (1, 'kept')");
            },
            ops -> ops.dropTable("setup_t"));

    /**
     * Statements 1-3 create a table, add a column and an index; statement 4 creates a table that
     * exists (until {@code broken} is cleared), so the revision stops there with 3 statements done.
     */
    private static MigrationScript part(AtomicBoolean broken) {
        return CodeRevisions.of(
                "part",
                "setup",
                ops -> {
                    ops.createTable("part_a", column("id", BIGINT).primaryKey(), column("label", varchar(40)));
                    ops.addColumn("setup_t", column("note", varchar(50)));
                    ops.createIndex(index("ix_setup_note", "setup_t", "note"));
                    ops.createTable(
                            broken.get() ? "setup_t" : "part_b",
                            column("id", BIGINT).primaryKey());
                },
                ops -> {
                    ops.dropTable("part_b");
                    ops.dropIndex("ix_setup_note");
                    ops.dropColumn("setup_t", "note");
                    ops.dropTable("part_a");
                });
    }

    private Migrations migrations(TestDatabase db, MigrationScript... scripts) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations()
                .scripts(scripts)
                .load();
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB", "H2"})
    void downgradeUndoesOnlyTheCompletedStatementsAndTheFixedRevisionRunsFromTheStart(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            AtomicBoolean broken = new AtomicBoolean(true);
            migrations(db, SETUP).upgrade("heads");
            Catalog below = Catalog.read(db);
            assertThatThrownBy(() -> migrations(db, SETUP, part(broken)).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("stopped at its statement 4");
            Migrations m = migrations(db, SETUP, part(broken));
            assertThat(m.status().revision("part").state()).isEqualTo(DatabaseStatus.State.PARTIALLY_APPLIED);
            assertThat(Catalog.read(db)).isNotEqualTo(below);
            int rowsBefore = m.appliedHistory().size();

            List<AppliedStep> steps = m.downgrade("-1");

            assertThat(steps)
                    .extracting(AppliedStep::revision, AppliedStep::direction)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("part", HistoryRecord.Direction.DOWNGRADE));
            assertThat(Catalog.read(db)).isEqualTo(below);
            assertThat(names(db, "SELECT name FROM setup_t")).containsExactly("kept");
            assertThat(m.current()).containsExactly("setup");
            DatabaseStatus status = m.status();
            assertThat(status.revision("part").state()).isEqualTo(DatabaseStatus.State.PENDING);
            assertThat(status.revision("setup").state()).isEqualTo(DatabaseStatus.State.APPLIED);
            List<HistoryRecord> history = m.appliedHistory();
            assertThat(history).hasSize(rowsBefore + 1);
            HistoryRecord undone = history.get(history.size() - 1);
            assertThat(undone.revision()).isEqualTo("part");
            assertThat(undone.direction()).isEqualTo(HistoryRecord.Direction.DOWNGRADE);
            assertThat(undone.success()).isTrue();
            assertThat(undone.partiallyApplied()).isFalse();

            // fixed, the revision runs from its first statement: nothing of the earlier run is left to skip
            broken.set(false);
            Migrations fixed = migrations(db, SETUP, part(broken));
            fixed.upgrade("heads");
            assertThat(fixed.current()).containsExactly("part");
            HistoryRecord applied = fixed.appliedHistory().get(rowsBefore + 1);
            assertThat(applied.success()).isTrue();
            assertThat(applied.statementsDone()).isEqualTo(4);
            assertThat(Catalog.read(db).tables()).containsKeys("part_a", "part_b");

            fixed.downgrade("setup");
            assertThat(Catalog.read(db)).isEqualTo(below);
        }
    }

    /** A downgrade to below the revision under the partly applied one undoes both. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB", "H2"})
    void downgradeToBaseUndoesThePartlyAppliedRevisionThenTheRest(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            AtomicBoolean broken = new AtomicBoolean(true);
            Catalog empty = Catalog.read(db);
            assertThatThrownBy(() -> migrations(db, SETUP, part(broken)).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class);
            Migrations m = migrations(db, SETUP, part(broken));
            assertThat(m.downgrade("base")).extracting(AppliedStep::revision).containsExactly("part", "setup");
            assertThat(Catalog.read(db)).isEqualTo(empty);
            assertThat(m.current()).isEmpty();
            assertThat(m.status().failed()).isEmpty();
        }
    }

    /** Raw SQL among the completed statements: refused, naming the revision and what to do; nothing changes. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB", "H2"})
    void completedRawSqlIsRefusedAndNothingChanges(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            MigrationScript rawSql = CodeRevisions.of(
                    "part",
                    "setup",
                    ops -> {
                        ops.createTable("part_a", column("id", BIGINT).primaryKey());
                        ops.execute("UPDATE setup_t SET name = 'changed'");
                        ops.createTable("setup_t", column("id", BIGINT).primaryKey());
                    },
                    (Ops ops) -> ops.dropTable("part_a"));
            assertThatThrownBy(() -> migrations(db, SETUP, rawSql).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class);
            Migrations m = migrations(db, SETUP, rawSql);
            Catalog partial = Catalog.read(db);
            List<HistoryRecord> historyBefore = m.appliedHistory();

            assertThatThrownBy(() -> m.downgrade("-1"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("Revision part (")
                    .hasMessageContaining("its first 2 statement(s)")
                    .hasMessageContaining("create table part_a")
                    .hasMessageContaining("raw SQL needs a hand-written downgrade")
                    .hasMessageContaining("Nothing was changed: the database is still at setup")
                    .hasMessageContaining("`migrations stamp --purge setup`");

            assertThat(Catalog.read(db)).isEqualTo(partial);
            assertThat(names(db, "SELECT name FROM setup_t")).containsExactly("changed");
            assertThat(m.appliedHistory()).isEqualTo(historyBefore);
            assertThat(m.current()).containsExactly("setup");
            assertThat(m.status().revision("part").state()).isEqualTo(DatabaseStatus.State.PARTIALLY_APPLIED);
        }
    }

    /** A completed drop and a SQL revision are refused too: the dropped data is gone; SQL maps to no operations. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB"})
    void aCompletedDropAndASqlRevisionAreRefused(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            MigrationScript dropping = CodeRevisions.of(
                    "part",
                    "setup",
                    ops -> {
                        ops.dropColumn("setup_t", column("name", varchar(50)));
                        ops.createTable("setup_t", column("id", BIGINT).primaryKey());
                    },
                    (Ops ops) -> ops.addColumn("setup_t", column("name", varchar(50))));
            assertThatThrownBy(() -> migrations(db, SETUP, dropping).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class);
            Catalog partial = Catalog.read(db);
            assertThatThrownBy(() -> migrations(db, SETUP, dropping).downgrade("-1"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("drop column name from setup_t dropped data that is gone")
                    .hasMessageContaining("Nothing was changed");
            assertThat(Catalog.read(db)).isEqualTo(partial);
        }
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            // the table may have been there before the revision: dropping it could lose what it held
            MigrationScript ifNotExists = CodeRevisions.of(
                    "part",
                    "setup",
                    ops -> {
                        ops.apply(new CreateTable(
                                Dsl.table("setup_t", column("id", BIGINT).primaryKey()), true));
                        ops.createTable("setup_t", column("id", BIGINT).primaryKey());
                    },
                    (Ops ops) -> ops.dropTable("setup_t"));
            assertThatThrownBy(() -> migrations(db, SETUP, ifNotExists).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class);
            assertThatThrownBy(() -> migrations(db, SETUP, ifNotExists).downgrade("-1"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("create table setup_t (if not exists) may have found it there already");
            assertThat(names(db, "SELECT name FROM setup_t")).containsExactly("kept");
        }
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("sql"));
            s.table("base0001", null);
            s.sql(
                    "part0002",
                    "base0001",
                    "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE a (id INTEGER PRIMARY KEY);",
                    "DROP TABLE a;");
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(s.location())
                    .load();
            assertThatThrownBy(() -> m.upgrade("heads")).isInstanceOf(MigrationsException.class);
            assertThatThrownBy(() -> m.downgrade("base0001"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("Revision part0002")
                    .hasMessageContaining("it is a SQL revision")
                    .hasMessageContaining("Nothing was changed");
            assertThat(Catalog.read(db).tables()).containsKey("a");
        }
    }

    /**
     * An undo that fails part way (another table now references the created one) keeps the revision
     * partly applied with the statements still applied; the fixed revision's upgrade resumes after them.
     */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB"})
    void anUndoThatFailsPartWayLeavesFewerStatementsAndTheUpgradeResumes(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            AtomicBoolean broken = new AtomicBoolean(true);
            assertThatThrownBy(() -> migrations(db, SETUP, part(broken)).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class);
            execute(db, "CREATE TABLE blocker (id BIGINT PRIMARY KEY, a_id BIGINT REFERENCES part_a (id))");

            assertThatThrownBy(() -> migrations(db, SETUP, part(broken)).downgrade("-1"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("Downgrade of partly applied revision part")
                    .hasMessageContaining("Its statements 2..3 were undone; its first 1 statement(s) stay applied");
            Migrations m = migrations(db, SETUP, part(broken));
            assertThat(m.status().revision("part").state()).isEqualTo(DatabaseStatus.State.PARTIALLY_APPLIED);
            List<HistoryRecord> history = m.appliedHistory();
            assertThat(history.get(history.size() - 1).statementsDone()).isEqualTo(1);
            assertThat(Catalog.read(db).table("setup_t").columns()).doesNotContainKey("note");

            broken.set(false);
            Migrations fixed = migrations(db, SETUP, part(broken));
            fixed.upgrade("heads"); // resumes after part_a, which exists: re-creating it would fail
            assertThat(fixed.current()).containsExactly("part");
            Catalog all = Catalog.read(db);
            assertThat(all.table("setup_t").columns()).containsKey("note");
            assertThat(all.tables()).containsKeys("part_a", "part_b");
        }
    }

    /**
     * The connection dies while the undo's first drop waits for a metadata lock, as when the process
     * is killed there: the history row counts that operation undone while its index still exists. A
     * downgrade then refuses (the interrupted statement may or may not have taken effect); the fixed
     * revision's upgrade resumes there, counting the index's "already exists" as done.
     */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB"})
    void anInterruptedUndoIsResumedByTheUpgrade(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            AtomicBoolean broken = new AtomicBoolean(true);
            assertThatThrownBy(() -> migrations(db, SETUP, part(broken)).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class);
            try (Connection holder = db.dataSource().getConnection();
                    Statement hs = holder.createStatement()) {
                holder.setAutoCommit(false);
                hs.executeQuery("SELECT * FROM setup_t").close(); // holds setup_t's metadata lock
                Thread killer = new Thread(() -> killWhenWaiting(db, "ALTER TABLE setup_t DROP INDEX"));
                killer.start();
                assertThatThrownBy(() -> migrations(db, SETUP, part(broken)).downgrade("-1"))
                        .isInstanceOf(MigrationsException.class);
                killer.join();
                holder.rollback();
            }
            Migrations m = migrations(db, SETUP, part(broken));
            HistoryRecord interrupted =
                    m.appliedHistory().get(m.appliedHistory().size() - 1);
            assertThat(interrupted.direction()).isEqualTo(HistoryRecord.Direction.DOWNGRADE);
            assertThat(interrupted.error()).isEqualTo("running");
            assertThat(interrupted.statementsDone()).isEqualTo(2);
            assertThat(Catalog.read(db).table("setup_t").indexes()).anyMatch(i -> i.contains("ix_setup_note"));
            assertThatThrownBy(() -> m.downgrade("-1"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("was interrupted, so statement 3 may or may not have taken effect");

            broken.set(false);
            Migrations fixed = migrations(db, SETUP, part(broken));
            fixed.upgrade("heads");
            assertThat(fixed.current()).containsExactly("part");
            assertThat(Catalog.read(db).tables()).containsKeys("part_a", "part_b");
        }
    }

    /** Kills the connection running a statement that starts with {@code prefix}, once it waits for a lock. */
    private static void killWhenWaiting(TestDatabase db, String prefix) {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            for (int polls = 0; polls < 2000; polls++) {
                try (ResultSet rs = st.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE STATE LIKE"
                        + " 'Waiting for table metadata lock%' AND INFO LIKE '" + prefix + "%'")) {
                    if (rs.next()) {
                        st.execute("KILL " + rs.getLong(1));
                        return;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no statement starting with " + prefix + " waited for a lock");
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> names(TestDatabase db, String sql) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
