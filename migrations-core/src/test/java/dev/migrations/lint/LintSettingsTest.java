package dev.migrations.lint;

import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.api.Migration;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Ops;
import dev.migrations.api.Revision;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.platform.Severity;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the settings and the revisions make of a finding: levels per rule, the table-size threshold
 * from the live catalog, accepted findings with their reason, and the rule that depends on the
 * engine's own lock timeout.
 */
class LintSettingsTest {

    /** Rules whose cases need settings of their own, tested here rather than in the corpus. */
    static final Set<String> RULES_TESTED_THERE = Set.of("missing-lock-timeout");

    @TempDir
    Path dir;

    private static final String INDEX = "CREATE INDEX ix_orders_amount ON orders (amount);";
    private static final String LEGACY = "CREATE TABLE legacy (id integer, payload text);";

    private Migrations engine(TestDatabase db, LintSettings settings, Duration ddlLockTimeout, MigrationScript... java)
            throws Exception {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations("filesystem:" + dir)
                .scripts(java)
                .lint(settings)
                .ddlLockTimeout(ddlLockTimeout)
                .load();
    }

    private void sql(String id, String header, String upgrade, String downgrade) throws Exception {
        Files.writeString(
                dir.resolve(id + ".sql"),
                new LintCorpus.SqlFile(id, LintCorpus.BASE, header, upgrade, downgrade).text());
    }

    @Test
    void aLevelPerRuleTurnsAnErrorIntoAWarningOrOff() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir)) {
            sql("idx", null, INDEX, "DROP INDEX ix_orders_amount;");
            LintSettings quiet = LintSettings.DEFAULTS.smallTableRows(0);
            Migrations strict = engine(db, quiet, Duration.ofSeconds(5), LintCorpus.base());
            strict.upgrade(LintCorpus.BASE);
            assertThat(strict.lint("idx").hasErrors()).isTrue();

            LintReport warned = engine(
                            db,
                            quiet.rule("index-not-concurrent", LintSettings.Level.WARNING),
                            Duration.ofSeconds(5),
                            LintCorpus.base())
                    .lint("idx");
            assertThat(warned.hasErrors()).isFalse();
            assertThat(warned.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.adjusted()).isEqualTo("set to warning by the settings");
            });

            LintReport off = engine(
                            db,
                            quiet.rule("index-not-concurrent", LintSettings.Level.OFF),
                            Duration.ofSeconds(5),
                            LintCorpus.base())
                    .lint("idx");
            assertThat(off.findings()).isEmpty();
        }
    }

    @Test
    void aRuleTheSettingsNameMustExist() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            Migrations m = engine(
                    db,
                    LintSettings.DEFAULTS.rule("index-not-concurent", LintSettings.Level.OFF),
                    Duration.ofSeconds(5),
                    LintCorpus.base());
            assertThatThrownBy(() -> m.lint(null))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("rule 'index-not-concurent', which does not exist")
                    .hasMessageContaining("index-not-concurrent");
        }
    }

    /**
     * Below the threshold of rows the catalog estimates (PostgreSQL's reltuples, after ANALYZE), a
     * locking rule is a note that says why; above it, the rule's own severity. Data-loss rules keep
     * theirs whatever the size.
     */
    @Test
    void aSmallTableMakesALockingRuleANote() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir)) {
            sql(
                    "idx",
                    null,
                    INDEX + "\nALTER TABLE orders DROP COLUMN status;",
                    "ALTER TABLE orders ADD COLUMN status varchar(20);\nDROP INDEX ix_orders_amount;");
            Migrations m =
                    engine(db, LintSettings.DEFAULTS.smallTableRows(50), Duration.ofSeconds(5), LintCorpus.base());
            m.upgrade(LintCorpus.BASE);
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO orders (user_id, amount) SELECT 1, g FROM generate_series(1, 99) g");
                s.execute("ANALYZE orders");
            }
            LintReport big = m.lint("idx");
            assertThat(big.findings())
                    .extracting(Finding::rule, Finding::severity)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("index-not-concurrent", Severity.ERROR),
                            org.assertj.core.groups.Tuple.tuple("drop-column", Severity.ERROR));
            assertThat(big.findings().get(0).size().rows()).isEqualTo(100);

            LintReport small = engine(
                            db, LintSettings.DEFAULTS.smallTableRows(1000), Duration.ofSeconds(5), LintCorpus.base())
                    .lint("idx");
            assertThat(small.findings())
                    .extracting(Finding::rule, Finding::severity)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("index-not-concurrent", Severity.NOTE),
                            org.assertj.core.groups.Tuple.tuple("drop-column", Severity.ERROR));
            assertThat(small.findings().get(0).adjusted())
                    .isEqualTo("orders has ~100 rows, 8 kB, fewer than smallTableRows (1000)");
            assertThat(small.render()).contains("ShareLock on orders (blocks writes; builds an index), ~100 rows");
        }
    }

    /** SQLite has no estimate unless ANALYZE ran: the lint counts, but never past the threshold. */
    @Test
    void onSqliteTheThresholdComesFromABoundedCount() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            sql(
                    "rebuild",
                    null,
                    "ALTER TABLE orders DROP COLUMN status;",
                    "ALTER TABLE orders ADD COLUMN status varchar(20);");
            Migrations m =
                    engine(db, LintSettings.DEFAULTS.smallTableRows(5), Duration.ofSeconds(5), LintCorpus.base());
            m.upgrade(LintCorpus.BASE);
            assertThatThrownBy(() -> m.traceLocks(null))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("which SQLite does not show. It works on: PostgreSQL.");
            assertThat(m.lint("rebuild").findings())
                    .filteredOn(f -> f.rule().equals("table-rebuild"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.NOTE));
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                for (int i = 0; i < 10; i++) {
                    s.execute("INSERT INTO orders (user_id, amount) VALUES (1, " + i + ")");
                }
            }
            assertThat(m.lint("rebuild").findings())
                    .filteredOn(f -> f.rule().equals("table-rebuild"))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.WARNING);
                        assertThat(f.size().known()).isFalse();
                    });
        }
    }

    @Revision(
            id = "ignores",
            down = LintCorpus.BASE,
            lintIgnore = "drop-column: no release since 3.1 reads orders.status")
    public static final class AcceptsADrop implements Migration {
        @Override
        public void upgrade(Ops ops) {
            ops.dropColumn("orders", "status");
        }

        @Override
        public void downgrade(Ops ops) {
            ops.addColumn("orders", column("status", INTEGER));
        }
    }

    @Test
    void aRevisionAcceptsAFindingWithAReasonTheReportShows() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.H2, dir)) {
            sql(
                    "ignores_sql",
                    "-- lint_ignore: drop-table: legacy has been unused since 2.0",
                    "DROP TABLE legacy;",
                    LEGACY);
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations("filesystem:" + dir)
                    .scripts(LintCorpus.base())
                    .javaMigrations(new AcceptsADrop())
                    .load();
            m.upgrade(LintCorpus.BASE);
            LintReport report = m.lint(null);
            assertThat(report.hasErrors()).isFalse();
            assertThat(report.findings())
                    .filteredOn(Finding::isIgnored)
                    .extracting(Finding::rule, Finding::ignored)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "drop-column", "no release since 3.1 reads orders.status"),
                            org.assertj.core.groups.Tuple.tuple("drop-table", "legacy has been unused since 2.0"));
            assertThat(report.render())
                    .contains(
                            "IGNORED drop-table at line 7",
                            "accepted by the revision: legacy has been unused since 2.0");
            assertThat(report.summary()).isEqualTo("2 revisions linted: 0 errors, 0 warnings, 1 note, 2 ignored.");
        }
    }

    @Test
    void anAcceptedFindingNeedsAReasonAndAKnownRule() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            sql("no_reason", "-- lint_ignore: drop-table", "DROP TABLE legacy;", LEGACY);
            Migrations m = engine(db, LintSettings.DEFAULTS, Duration.ofSeconds(5), LintCorpus.base());
            assertThatThrownBy(() -> m.lint("base:no_reason"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("Revision no_reason (")
                    .hasMessageContaining(
                            "for 'drop-table' gives no reason. Write 'drop-table: <why it is safe here>'");
            Files.delete(dir.resolve("no_reason.sql"));
            sql("typo", "-- lint_ignore: drop-tables: unused", "DROP TABLE legacy;", LEGACY);
            Migrations again = engine(db, LintSettings.DEFAULTS, Duration.ofSeconds(5), LintCorpus.base());
            assertThatThrownBy(() -> again.lint("base:typo"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("names rule 'drop-tables', which does not exist");
        }
    }

    /**
     * With the engine's ddlLockTimeout off, DDL that waits for a lock on a table in use has no
     * timeout unless the revision sets one: once per revision, before anything else runs.
     */
    @Test
    void withoutTheEnginesLockTimeoutARevisionMustSetItsOwn() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir)) {
            sql(
                    "no_timeout",
                    null,
                    "ALTER TABLE users ADD COLUMN x integer;\nALTER TABLE users ADD COLUMN y integer;",
                    "ALTER TABLE users DROP COLUMN y;\nALTER TABLE users DROP COLUMN x;");
            sql(
                    "own_timeout",
                    null,
                    "SET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN z integer;",
                    "ALTER TABLE users DROP COLUMN z;");
            sql(
                    "new_table",
                    null,
                    "CREATE TABLE tags (id integer);\nALTER TABLE tags ADD COLUMN label text;",
                    "DROP TABLE tags;");
            Migrations off = engine(db, LintSettings.DEFAULTS, Duration.ZERO, LintCorpus.base());
            off.upgrade(LintCorpus.BASE);
            assertThat(off.lint("no_timeout").rules()).containsExactly("missing-lock-timeout");
            assertThat(off.lint("no_timeout").findings().get(0).safeForm())
                    .startsWith("SET LOCAL lock_timeout = '5s';");
            assertThat(off.lint("own_timeout").rules()).isEmpty();
            assertThat(off.lint("new_table").rules()).isEmpty();
            Migrations on = engine(db, LintSettings.DEFAULTS, Duration.ofSeconds(5), LintCorpus.base());
            assertThat(on.lint("no_timeout").rules()).isEmpty();
        }
    }

    @Test
    void checkAndTheTestCheckLintTheRevisionsAfterTheBaselineFromTheScriptsAlone() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir)) {
            sql("late", null, INDEX, "DROP INDEX ix_orders_amount;");
            MigrationScript base = LintCorpus.base();
            Migrations all = engine(db, LintSettings.DEFAULTS, Duration.ofSeconds(5), base);
            LintReport everything = all.lintSinceBaseline();
            assertThat(everything.scope()).isEqualTo("2 revisions (base:heads)");
            assertThat(everything.liveSizes()).isFalse();
            assertThat(everything.rules()).containsExactly("index-not-concurrent");
            LintReport afterLate = engine(db, LintSettings.DEFAULTS.baseline("late"), Duration.ofSeconds(5), base)
                    .lintSinceBaseline();
            assertThat(afterLate.revisions()).isEmpty();
            LintReport afterBase = engine(
                            db, LintSettings.DEFAULTS.baseline(LintCorpus.BASE), Duration.ofSeconds(5), base)
                    .lintSinceBaseline();
            assertThat(afterBase.revisions()).extracting(RevisionLint::revision).containsExactly("late");
            assertThat(afterBase.rules()).containsExactly("index-not-concurrent"); // orders came from the base
            assertThat(all.current()).isEmpty(); // nothing was run, not even the base
        }
    }
}
