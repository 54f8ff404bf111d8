package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.cli.ApplicationProcess.Result;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrations lint [--trace]} and the lint in {@code check}, run as real application processes:
 * the report, the exit status, the settings from {@code migrations.lint.*}, and the trace's lock modes.
 */
class LintCommandProcessTests {

    @TempDir
    Path dir;

    /**
     * Two more revisions above the test application's two: a table no entity maps, with rows (check
     * only reports it), then an index on it.
     */
    private String extraLocation() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(scripts.resolve("c3f0c0de0003.sql"), """
                -- revision: c3f0c0de0003
                -- down_revision: b2f0c0de0002
                -- message: create audit

                -- +upgrade
                CREATE TABLE audit (id INTEGER PRIMARY KEY, event VARCHAR(50));
                INSERT INTO audit (id, event) VALUES (1, 'created');

                -- +downgrade
                DROP TABLE audit;
                """);
        Files.writeString(scripts.resolve("d4f0c0de0004.sql"), """
                -- revision: d4f0c0de0004
                -- down_revision: c3f0c0de0003
                -- message: index audit events

                -- +upgrade
                CREATE INDEX ix_audit_event ON audit (event);

                -- +downgrade
                DROP INDEX ix_audit_event;
                """);
        return "--migrations.locations=classpath:db/migrations,filesystem:" + scripts;
    }

    @Test
    void lintReportsTheLockAndTheSafeFormAndFailsOnAnErrorOnPostgres() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, dir)) {
            String extra = extraLocation();
            Result fresh = run(db, extra, "lint", "b2f0c0de0002");
            assertThat(fresh.exit()).as("%s", fresh).isZero();
            assertThat(fresh.out())
                    .contains("Lint of 2 pending revisions (up to b2f0c0de0002) on PostgreSQL")
                    .contains("2 revisions linted: 0 errors, 0 warnings, 0 notes, 0 ignored.");

            assertThat(run(db, extra, "upgrade", "c3f0c0de0003").exit()).isZero();
            Result lint = run(db, extra, "lint", "--trace");
            assertThat(lint.exit()).as("%s", lint).isEqualTo(1);
            assertThat(lint.out())
                    .contains("Lint of 1 pending revision on PostgreSQL (table sizes from the live catalog)")
                    .contains("ShareLock on audit (blocks writes; builds an index)")
                    .contains("ERROR   index-not-concurrent at line 6: CREATE INDEX ix_audit_event blocks writes")
                    .contains("CREATE INDEX CONCURRENTLY ix_audit_event ON audit (event);")
                    .contains("took ShareLock on audit; no rewrite")
                    .contains("- agrees");
            assertThat(lint.err()).contains("ERROR: The lint found 1 error(s)", "migrations.lint.rules.<rule-id>");
            assertThat(run(db, extra, "current").out().strip()).isEqualTo("c3f0c0de0003"); // nothing ran

            assertThat(run(db, extra, "upgrade").exit()).isZero();
            Result check = run(db, extra, "check");
            assertThat(check.exit()).as("%s", check).isEqualTo(1);
            assertThat(check.out()).contains("ERROR   index-not-concurrent").doesNotContain("lock preview");
            assertThat(check.err()).contains("The lint found 1 error(s) in the revisions after the baseline");

            Result relaxed = run(db, extra, "--migrations.lint.rules.index-not-concurrent=warning", "check");
            assertThat(relaxed.exit()).as("%s", relaxed).isZero();
            assertThat(relaxed.out())
                    .contains("WARNING index-not-concurrent")
                    .contains("set to warning by the settings")
                    .contains("No new upgrade operations detected");
        }
    }

    /** SQLite has no concurrent index builds: the same revisions are no error there. */
    @Test
    void onSqliteTheSameRevisionPasses() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            Result lint = run(db, extraLocation(), "lint");
            assertThat(lint.exit()).as("%s", lint).isZero();
            assertThat(lint.out())
                    .contains("Lint of 4 pending revisions on SQLite")
                    .contains("database write lock on audit")
                    .contains("4 revisions linted: 0 errors");
        }
    }

    private Result run(TestDatabase db, String... args) throws Exception {
        return ApplicationProcess.migrations(dir, db.url(), args);
    }
}
