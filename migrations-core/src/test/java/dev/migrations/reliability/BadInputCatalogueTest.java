package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrations.Migrations;
import dev.migrations.api.MigrationsException;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.LogCapture;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every kind of bad input, with the exact message the user sees, and proof that the database was
 * left alone: errors found before any revision runs (files, graph, target, connection) create
 * nothing, not even the version table; a revision that fails leaves the database at its last good
 * revision with the failure in the history.
 */
class BadInputCatalogueTest {

    @TempDir
    Path tmp;

    /** One bad input: the scripts, what the user runs, and the message they get ({@code <dir>} is the scripts' folder). */
    record Case(String name, Consumer<Scripts> scripts, Function<Migrations, Object> command, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String HEADER = "-- revision: a1\n-- message: first\n\n";

    static Stream<Case> badScriptsAndGraphs() {
        return Stream.of(
                new Case(
                        "no upgrade marker",
                        s -> s.write("001_a1.sql", HEADER + "-- CREATE TABLE t (id INT);\n"),
                        m -> m.upgrade("heads"),
                        "Malformed migration <dir>/m/001_a1.sql: no '-- +upgrade' marker. A SQL revision needs a '-- key: value' header, then '-- +upgrade' and '-- +downgrade' sections."),
                new Case(
                        "no revision id",
                        s -> s.write("001_a1.sql", "-- message: first\n\n-- +upgrade\nSELECT 1;\n"),
                        m -> m.upgrade("heads"),
                        "Malformed migration <dir>/m/001_a1.sql: the header has no 'revision:' line. Add '-- revision: <id>' at the top."),
                new Case(
                        "unknown header key",
                        s -> s.write("001_a1.sql", HEADER + "-- down_revison: a0\n-- +upgrade\nSELECT 1;\n"),
                        m -> m.upgrade("heads"),
                        "Malformed migration <dir>/m/001_a1.sql:4: unknown header key 'down_revison' (known keys: branch_labels, create_date, depends_on, down_revision, lint_ignore, message, revision, transactional)."),
                new Case(
                        "header key twice",
                        s -> s.write("001_a1.sql", HEADER + "-- message: again\n-- +upgrade\nSELECT 1;\n"),
                        m -> m.upgrade("heads"),
                        "Malformed migration <dir>/m/001_a1.sql:4: header key 'message' given twice."),
                new Case(
                        "SQL before the upgrade marker",
                        s -> s.write("001_a1.sql", HEADER + "CREATE TABLE t (id INT);\n-- +upgrade\nSELECT 1;\n"),
                        m -> m.upgrade("heads"),
                        "Malformed migration <dir>/m/001_a1.sql:4: SQL before the '-- +upgrade' marker; put statements in the upgrade or downgrade section."),
                new Case(
                        "downgrade before upgrade",
                        s -> s.write("001_a1.sql", HEADER + "-- +downgrade\nSELECT 1;\n-- +upgrade\nSELECT 1;\n"),
                        m -> m.upgrade("heads"),
                        "Malformed migration <dir>/m/001_a1.sql:4: '-- +downgrade' before any '-- +upgrade' marker."),
                new Case(
                        "transactional not a boolean",
                        s -> s.write("001_a1.sql", HEADER + "-- transactional: maybe\n-- +upgrade\nSELECT 1;\n"),
                        m -> m.upgrade("heads"),
                        "Malformed migration <dir>/m/001_a1.sql: 'transactional' must be true or false, not 'maybe'."),
                new Case(
                        "cycle",
                        s -> {
                            s.sql("a1", "a2", "SELECT 1;", "SELECT 1;");
                            s.sql("a2", "a1", "SELECT 1;", "SELECT 1;");
                        },
                        m -> m.upgrade("heads"),
                        "Cycle is detected in revisions (a1 in <dir>/m/000_a1.sql, a2 in <dir>/m/001_a2.sql). Fix their down_revision so that the history has no loop."),
                new Case(
                        "dangling parent",
                        s -> s.sql("a1", "zz99", "SELECT 1;", "SELECT 1;"),
                        m -> m.upgrade("heads"),
                        "Revision a1 (<dir>/m/000_a1.sql) names down revision 'zz99', which is not present. Restore the missing revision or correct down_revision."),
                new Case(
                        "duplicate id",
                        s -> {
                            s.sql("a1", null, "SELECT 1;", "SELECT 1;");
                            s.sql("a1", null, "SELECT 2;", "SELECT 2;");
                        },
                        m -> m.upgrade("heads"),
                        "Revision a1 is defined twice: in <dir>/m/000_a1.sql and in <dir>/m/001_a1.sql. Give one of them a new id (ids must be unique)."),
                new Case(
                        "duplicate branch label",
                        s -> {
                            s.write("001_a1.sql", "-- revision: a1\n-- branch_labels: shop\n-- +upgrade\nSELECT 1;\n");
                            s.write("002_b1.sql", "-- revision: b1\n-- branch_labels: shop\n-- +upgrade\nSELECT 1;\n");
                        },
                        m -> m.upgrade("heads"),
                        "Branch name 'shop' in revision b1 (<dir>/m/002_b1.sql) already used by revision a1 (<dir>/m/001_a1.sql). Choose another branch label."),
                new Case(
                        "two heads, upgrade head",
                        s -> {
                            s.sql("a1", null, "CREATE TABLE a (id INT);", "DROP TABLE a;");
                            s.sql("b1", "a1", "CREATE TABLE b (id INT);", "DROP TABLE b;");
                            s.sql("c1", "a1", "CREATE TABLE c (id INT);", "DROP TABLE c;");
                        },
                        m -> m.upgrade("head"),
                        "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads (heads: b1, c1). To join them run `migrations merge -m \"merge\" heads`."),
                new Case(
                        "unknown target",
                        s -> s.sql("a1", null, "CREATE TABLE a (id INT);", "DROP TABLE a;"),
                        m -> m.upgrade("nosuch"),
                        "Destination nosuch is not a valid upgrade target from current head(s): Can't locate revision identified by 'nosuch': no such revision or branch. Run `migrations history` to list the revisions."),
                new Case(
                        "ambiguous target",
                        s -> {
                            s.sql("abcd1", null, "CREATE TABLE a (id INT);", "DROP TABLE a;");
                            s.sql("abcd2", "abcd1", "CREATE TABLE b (id INT);", "DROP TABLE b;");
                        },
                        m -> m.upgrade("abcd"),
                        "Destination abcd is not a valid upgrade target from current head(s): Can't locate revision identified by 'abcd': multiple revisions start with 'abcd': 'abcd1' (<dir>/m/000_abcd1.sql), 'abcd2' (<dir>/m/001_abcd2.sql). Give more characters of the id."),
                new Case(
                        "unknown downgrade target",
                        s -> s.sql("a1", null, "CREATE TABLE a (id INT);", "DROP TABLE a;"),
                        m -> m.downgrade("nosuch"),
                        "Destination nosuch is not a valid downgrade target from current head(s): Can't locate revision identified by 'nosuch': no such revision or branch. Run `migrations history` to list the revisions."),
                new Case(
                        "missing location",
                        s -> {},
                        m -> m.upgrade("heads"),
                        "Migrations location filesystem:<dir>/nowhere is not a directory (<dir>/nowhere). Create it or fix the locations setting."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScriptsAndGraphs")
    void badScriptsAndGraphsAreReportedBeforeAnythingIsWritten(Case c) throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = new Scripts(tmp.resolve("m"));
            c.scripts().accept(scripts);
            String location =
                    c.name().equals("missing location") ? "filesystem:" + tmp.resolve("nowhere") : scripts.location();
            Throwable thrown = catchThrowable(() -> c.command()
                    .apply(Migrations.configure()
                            .dataSource(db.dataSource())
                            .locations(location)
                            .load()));
            assertThat(thrown).isInstanceOf(MigrationsException.class);
            assertThat(thrown.getMessage().replace(tmp.toString(), "<dir>")).isEqualTo(c.message());
            assertThat(Catalog.read(db).tables()).as("nothing written").isEmpty();
        }
    }

    static Stream<Case> badRevisions() {
        return Stream.of(
                new Case(
                        "failing statement",
                        s -> s.sql(
                                "a2",
                                "a1",
                                "CREATE TABLE t_a2 (id INT);\n" + "INSERT INTO missing_table VALUES (1);",
                                "DROP TABLE t_a2;"),
                        m -> m.upgrade("heads"),
                        "Revision a2 (<dir>/m/001_a2.sql) failed during upgrade: Statement failed at <dir>/m/001_a2.sql:7: ERROR: relation \"missing_table\" does not exist\n  Position: 13\n    INSERT INTO missing_table VALUES (1)\nNothing was applied: the database is still at a1. Fix the revision and run the command again."),
                new Case(
                        "unterminated string",
                        s -> s.sql(
                                "a2",
                                "a1",
                                "CREATE TABLE t_a2 (id INT);\n" + "INSERT INTO t_a2 VALUES ('1);",
                                "DROP TABLE t_a2;"),
                        m -> m.upgrade("heads"),
                        "Revision a2 (<dir>/m/001_a2.sql) cannot run: Malformed migration <dir>/m/001_a2.sql:7: a string literal (') is never closed; close it, or the rest of the file would be read as part of it.\nNothing was run: the database is still at a1. Fix the revision and run the command again."),
                new Case(
                        "unterminated dollar quote",
                        s -> s.sql(
                                "a2",
                                "a1",
                                "CREATE TABLE t_a2 (id INT);\n" + "DO $body$ BEGIN NULL; END;",
                                "DROP TABLE t_a2;"),
                        m -> m.upgrade("heads"),
                        "Revision a2 (<dir>/m/001_a2.sql) cannot run: Malformed migration <dir>/m/001_a2.sql:7: a dollar-quoted body ($...$) is never closed; close it, or the rest of the file would be read as part of it.\nNothing was run: the database is still at a1. Fix the revision and run the command again."),
                new Case(
                        "non-transactional statement in a transaction",
                        s -> s.sql(
                                "a2",
                                "a1",
                                "CREATE TABLE t_a2 (id INT);\nCREATE INDEX CONCURRENTLY ix_a2 ON t_a2 (id);",
                                "DROP TABLE t_a2;"),
                        m -> m.upgrade("heads"),
                        "Revision a2 (<dir>/m/001_a2.sql) failed during upgrade: Statement failed at <dir>/m/001_a2.sql:7: ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block\n    CREATE INDEX CONCURRENTLY ix_a2 ON t_a2 (id)\nNothing was applied: the database is still at a1. The statement cannot run inside a transaction: declare the revision non-transactional ('-- transactional: false' in a SQL script, @Revision(transactional = false) in Java). Fix the revision and run the command again."));
    }

    /** The failing revision is named with its file and line; the database stays at a1 and records the failure. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRevisions")
    void aBadRevisionLeavesTheDatabaseAtTheLastGoodOne(Case c) throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts scripts = new Scripts(tmp.resolve("m"));
            scripts.sql("a1", null, "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(scripts.location())
                    .load();
            m.upgrade("heads");
            Catalog before = Catalog.read(db);
            c.scripts().accept(scripts);
            Migrations next = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(scripts.location())
                    .load();
            Throwable thrown = catchThrowable(() -> c.command().apply(next));
            assertThat(thrown).isInstanceOf(MigrationsException.class);
            assertThat(thrown.getMessage().replace(tmp.toString(), "<dir>")).isEqualTo(c.message());
            assertThat(Catalog.read(db)).isEqualTo(before);
            assertThat(next.current()).containsExactly("a1");
            // a revision that ran and failed is recorded; one that could not even be read never ran
            boolean ran = !c.message().contains("cannot run: Malformed");
            assertThat(next.appliedHistory()).last().satisfies(r -> {
                assertThat(r.revision()).isEqualTo(ran ? "a2" : "a1");
                assertThat(r.success()).isEqualTo(!ran);
            });
        }
    }

    @Test
    void aDatabaseAtARevisionNoScriptDefinesIsNotTouched() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Scripts old = new Scripts(tmp.resolve("old"));
            old.sql("gone1", null, "CREATE TABLE t_gone (id INT);", "DROP TABLE t_gone;");
            Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(old.location())
                    .load()
                    .upgrade("heads");
            Catalog before = Catalog.read(db);
            Scripts scripts = new Scripts(tmp.resolve("m"));
            scripts.sql("a1", null, "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(scripts.location())
                    .load();
            Throwable thrown = catchThrowable(() -> m.upgrade("heads"));
            assertThat(thrown)
                    .isInstanceOf(MigrationsException.class)
                    .hasMessage(
                            "The database is at revision gone1 (\"migrations_version\"), which no script defines. A migration file may have been deleted or renamed, or this database belongs to another application. Restore the script, or run `migrations stamp <revision> --purge` to record where the database really is.");
            assertThat(Catalog.read(db)).isEqualTo(before);
        }
    }

    /** A classpath folder that is not there may be an application without migrations yet: a warning, not an error. */
    @Test
    void aMissingClasspathLocationIsWarnedAboutAndChangesNothing() throws Exception {
        try (TestDatabase db = TestDatabases.postgres();
                LogCapture log = LogCapture.of(dev.migrations.internal.script.ScriptDirectory.class)) {
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations("classpath:db/migratoins")
                    .load();
            assertThat(m.upgrade("heads")).isEmpty();
            assertThat(log.messages())
                    .containsExactly("Migrations location classpath:db/migratoins is not on the"
                            + " classpath, so no revisions are read from it. Create the folder (under src/main/resources) or"
                            + " fix the locations setting.");
            assertThat(Catalog.read(db).tables()).isEmpty();
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedAsSuch() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2");
        Throwable thrown = catchThrowable(() -> Migrations.configure()
                .dataSource(unreachable)
                .locations("filesystem:" + new Scripts(tmp.resolve("m")).dir())
                .load()
                .upgrade("heads"));
        assertThat(thrown)
                .isInstanceOf(MigrationsException.class)
                .hasMessage(
                        "Cannot connect to the database: Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections. Check the URL, that the server is running and reachable from here, and the network. Nothing was changed.");
    }

    @Test
    void wrongCredentialsAreReportedAsSuchAndChangeNothing() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            PGSimpleDataSource stranger = new PGSimpleDataSource();
            stranger.setURL(db.url());
            stranger.setUser("no_such_user");
            Scripts scripts = new Scripts(tmp.resolve("m"));
            scripts.sql("a1", null, "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
            Throwable thrown = catchThrowable(() -> Migrations.configure()
                    .dataSource(stranger)
                    .locations(scripts.location())
                    .load()
                    .upgrade("heads"));
            assertThat(thrown)
                    .isInstanceOf(MigrationsException.class)
                    .hasMessage(
                            "The database refused the login: FATAL: role \"no_such_user\" does not exist. Check the user and password of the DataSource (or of the separate migration connection). Nothing was changed.");
            assertThat(Catalog.read(db).tables()).isEmpty();
        }
    }
}
