package dev.migrations.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.lint.TracedStatement.Status;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --trace} on PostgreSQL: the lock modes it reads from pg_locks, the rewrites it reads
 * from the relations' file nodes, agreement with the static answer over the whole corpus, and that
 * it leaves nothing behind, never commits and gives up within its budget.
 */
class LockTraceTest {

    @TempDir
    Path dir;

    private static TracedStatement only(TraceReport report) {
        assertThat(report.statements()).as(report.render()).hasSize(1);
        return report.statements().get(0);
    }

    @Test
    void theTraceReportsTheLocksAndRewritesThatReallyHappen() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir)) {
            Migrations m = LintCorpusTest.engine(Kind.POSTGRESQL, db, dir, LintSettings.DEFAULTS);

            TracedStatement index = only(m.traceLocks("index_plain"));
            assertThat(index.status()).isEqualTo(Status.TRACED);
            assertThat(index.locks()).containsExactly("ShareLock on orders");
            assertThat(index.rewrites()).isEmpty();
            assertThat(index.agrees()).isTrue();

            TracedStatement type = only(m.traceLocks("type_rewrite"));
            assertThat(type.locks()).containsExactly("AccessExclusiveLock on orders");
            assertThat(type.rewrites()).contains("orders", "ix_orders_status (index)");
            assertThat(type.agrees()).isTrue();

            TracedStatement grows = only(m.traceLocks("varchar_grows"));
            assertThat(grows.locks()).containsExactly("AccessExclusiveLock on users");
            assertThat(grows.rewrites()).isEmpty();
            assertThat(grows.agrees()).isTrue();

            TracedStatement foreignKey = only(m.traceLocks("foreign_key"));
            assertThat(foreignKey.locks())
                    .containsExactlyInAnyOrder("ShareRowExclusiveLock on orders", "ShareRowExclusiveLock on users");

            TracedStatement keyColumn = only(m.traceLocks("foreign_key_column_type"));
            assertThat(keyColumn.locks())
                    .containsExactlyInAnyOrder("AccessExclusiveLock on invoices", "AccessExclusiveLock on orders");
            assertThat(keyColumn.rewrites()).contains("invoices").doesNotContain("orders");
            assertThat(keyColumn.agrees()).as(keyColumn.disagreement()).isTrue();

            TracedStatement concurrent = only(m.traceLocks("index_concurrent"));
            assertThat(concurrent.status()).isEqualTo(Status.NOT_TRACED);
            assertThat(concurrent.detail()).contains("cannot run inside the trace's transaction");
            assertThat(concurrent.expected())
                    .singleElement()
                    .satisfies(l -> assertThat(l.mode()).isEqualTo("ShareUpdateExclusiveLock"));

            TracedStatement failing = only(m.traceLocks("not_null_without_default"));
            assertThat(failing.status()).isEqualTo(Status.FAILED);
            assertThat(failing.detail()).contains("code"); // orders has rows: the column cannot be NOT NULL
        }
    }

    /** Every statement of the corpus the trace runs gives the lock and rewrite the static rules predict. */
    @Test
    void staticAnswerAndTraceAgreeOnTheWholeCorpus() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir)) {
            Migrations m = LintCorpusTest.engine(Kind.POSTGRESQL, db, dir, LintSettings.DEFAULTS);
            Map<String, String> disagreements = new LinkedHashMap<>();
            int agreeing = 0;
            for (LintCorpus.Case c : LintCorpus.cases()) {
                if (!c.runsOn(Kind.POSTGRESQL)) {
                    continue;
                }
                TraceReport report = m.traceLocks(c.head());
                assertThat(report.stopped()).as(report.render()).isNull();
                for (TracedStatement s : report.statements()) {
                    if (s.disagreement() != null) {
                        disagreements.put(c.name() + " " + s.statement(), s.disagreement());
                    }
                    agreeing += s.agrees() ? 1 : 0;
                }
            }
            assertThat(disagreements).isEmpty();
            assertThat(agreeing).isGreaterThanOrEqualTo(35);
        }
    }

    @Test
    void theTraceLeavesTheCatalogAndTheLocksAsTheyWere() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir);
                Connection observer = db.dataSource().getConnection()) {
            Migrations m = LintCorpusTest.engine(Kind.POSTGRESQL, db, dir, LintSettings.DEFAULTS);
            List<String> catalog = catalog(observer);
            List<String> locks = locks(observer);
            int history = m.appliedHistory().size();

            TraceReport all = m.traceLocks(null); // every pending revision of the corpus, in one transaction
            assertThat(all.statements().size()).isGreaterThan(40);
            assertThat(all.statements())
                    .anyMatch(s -> s.status() == Status.TRACED && !s.rewrites().isEmpty());

            assertThat(catalog(observer)).isEqualTo(catalog);
            assertThat(locks(observer)).isEqualTo(locks);
            assertThat(m.current()).containsExactly(LintCorpus.BASE);
            assertThat(m.appliedHistory()).hasSize(history);
        }
    }

    /** A COMMIT in SQL, a commit on the connection and a COMMIT run through it: none commits anything. */
    @Test
    void theTraceNeverCommits() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir);
                Connection observer = db.dataSource().getConnection()) {
            Files.writeString(
                    dir.resolve("commits.sql"),
                    new LintCorpus.SqlFile(
                                    "commits",
                                    LintCorpus.BASE,
                                    null,
                                    "INSERT INTO legacy (id) VALUES (1);\nCOMMIT;\nINSERT INTO legacy (id) VALUES (2);",
                                    "DELETE FROM legacy;")
                            .text());
            Migration sneaky = new Migration() {
                @Override
                public void upgrade(Ops ops) throws Exception {
                    ops.update("INSERT INTO legacy (id) VALUES (3)");
                    try {
                        ops.connection().commit();
                    } catch (java.sql.SQLException refused) {
                        ops.update("INSERT INTO legacy (id) VALUES (4)");
                    }
                    try (Statement s = ops.connection().createStatement()) {
                        s.execute("COMMIT");
                    }
                }

                @Override
                public void downgrade(Ops ops) {
                    ops.execute("DELETE FROM legacy");
                }
            };
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations("filesystem:" + dir)
                    .scripts(LintCorpus.base(), LintCorpus.java("sneaky", "commits", true, sneaky))
                    .load();
            m.upgrade(LintCorpus.BASE);

            TraceReport report = m.traceLocks(null);

            assertThat(count(observer, "SELECT count(*) FROM legacy")).isZero();
            List<TracedStatement> statements = report.statements();
            assertThat(statements)
                    .filteredOn(s -> s.statement().equals("COMMIT"))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.status()).isEqualTo(Status.NOT_TRACED);
                        assertThat(s.detail()).contains("controls the transaction");
                    });
            assertThat(statements)
                    .filteredOn(s -> s.statement().startsWith("INSERT INTO legacy"))
                    .extracting(TracedStatement::status)
                    .containsOnly(Status.TRACED)
                    .hasSize(4); // 1 and 2 from SQL; 3, and 4 after the refused commit
            assertThat(statements)
                    .filteredOn(s -> s.status() == Status.FAILED)
                    .singleElement()
                    .satisfies(s -> assertThat(s.detail()).contains("may not run COMMIT"));
        }
    }

    /**
     * A table another session reads: the trace waits for its lock no longer than its budget, and a
     * statement that would hold its locks for a minute is stopped at the budget too. The test would
     * time out if either waited.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theTraceGivesUpWithinItsBudgetAndHoldsNothingAfterwards() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir);
                Connection blocker = db.dataSource().getConnection();
                Connection observer = db.dataSource().getConnection()) {
            Files.writeString(
                    dir.resolve("holds.sql"),
                    new LintCorpus.SqlFile(
                                    "holds",
                                    LintCorpus.BASE,
                                    null,
                                    "ALTER TABLE users ADD COLUMN hold integer;\nSELECT pg_sleep(600);",
                                    "ALTER TABLE users DROP COLUMN hold;")
                            .text());
            Migrations m = LintCorpusTest.engine(
                    Kind.POSTGRESQL, db, dir, LintSettings.DEFAULTS.traceTimeout(Duration.ofMillis(300)));
            List<String> locks = locks(observer);

            TraceReport held = m.traceLocks("holds");
            assertThat(held.stopped()).contains("ran longer than the budget of 300 ms");
            assertThat(held.statements().get(0).locks()).containsExactly("AccessExclusiveLock on users");
            assertThat(held.statements().get(1).status()).isEqualTo(Status.NOT_TRACED);
            assertThat(locks(observer)).isEqualTo(locks);

            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE orders IN ACCESS SHARE MODE"); // what a long report query holds
            }
            List<String> blocked = locks(observer);
            TraceReport waited = m.traceLocks("type_rewrite");
            assertThat(waited.stopped()).contains("waited for a lock or ran longer");
            assertThat(only(waited).status()).isEqualTo(Status.NOT_TRACED);
            assertThat(locks(observer)).isEqualTo(blocked); // the blocker's lock only: the trace holds nothing
            blocker.rollback();
        }
    }

    /** The user's relations with their file nodes, columns and constraints. */
    private static List<String> catalog(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.relname, c.relkind, pg_relation_filenode(c.oid),"
                        + " (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '"
                        + " || a.attnotnull, ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid"
                        + " AND a.attnum > 0 AND NOT a.attisdropped),"
                        + " (SELECT string_agg(k.conname || ' ' || k.convalidated, ', ' ORDER BY k.conname)"
                        + " FROM pg_constraint k WHERE k.conrelid = c.oid)"
                        + " FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " [" + rs.getString(4) + "] ["
                        + rs.getString(5) + "]");
            }
        }
        rows.add("users " + count(c, "SELECT count(*) FROM users") + ", orders "
                + count(c, "SELECT count(*) FROM orders"));
        return rows;
    }

    /** Every lock in this database held by another session. */
    private static List<String> locks(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT l.locktype, l.relation::regclass::text, l.mode, l.granted"
                        + " FROM pg_locks l WHERE l.pid <> pg_backend_pid() AND l.database ="
                        + " (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY 1, 2, 3")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
            }
        }
        return rows;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
