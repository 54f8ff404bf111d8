package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.cli.ApplicationProcess.Result;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command of {@code app migrations <command>}, each run as a real application process
 * against SQLite files and PostgreSQL: output, exit status, and the failure cases.
 */
class CommandLineProcessTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void upgradeInspectDowngradeStampAndCheck(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, dir)) {
            Result fresh = run(db, "current");
            assertThat(fresh.exit()).as("%s", fresh).isZero();
            assertThat(fresh.lines()).isEmpty();

            Result first = run(db, "upgrade", "a1f0c0de0001");
            assertThat(first.exit()).as("%s", first).isZero();
            assertThat(first.lines())
                    .containsExactly(
                            "Ran upgrade <base> -> a1f0c0de0001, create person ("
                                    + first.lines().get(0).replaceAll(".*\\((\\d+ ms)\\)$", "$1") + ")",
                            "The database is now at a1f0c0de0001.");
            assertThat(run(db, "current").lines()).containsExactly("a1f0c0de0001");

            Result notYet = run(db, "check");
            assertThat(notYet.exit()).as("%s", notYet).isEqualTo(1);
            assertThat(notYet.err()).contains("ERROR:", "1 revision(s) pending: b2f0c0de0002");

            Result rest = run(db, "upgrade");
            assertThat(rest.exit()).as("%s", rest).isZero();
            assertThat(rest.out()).contains("Ran upgrade a1f0c0de0001 -> b2f0c0de0002, add person email");
            assertThat(run(db, "upgrade").lines())
                    .containsExactly("Nothing to upgrade: the database is at b2f0c0de0002.");
            assertThat(run(db, "current").lines()).containsExactly("b2f0c0de0002 (head)");
            Result ok = run(db, "check");
            assertThat(ok.exit()).as("%s", ok).isZero();
            assertThat(ok.out()).contains("No new upgrade operations detected", "matches the entities");

            assertThat(run(db, "heads").lines()).containsExactly("b2f0c0de0002 (head)");
            assertThat(run(db, "history", "--indicate-current").lines())
                    .containsExactly(
                            "a1f0c0de0001 -> b2f0c0de0002 (head) (current), add person email",
                            "<base> -> a1f0c0de0001, create person");
            assertThat(run(db, "history", "-r", "a1f0:").lines()).hasSize(2);
            Result verbose = run(db, "current", "--verbose");
            assertThat(verbose.out())
                    .contains(
                            "Current revision(s) for jdbc:",
                            "Rev: b2f0c0de0002 (head)",
                            "Parent: a1f0c0de0001",
                            "Revision ID: b2f0c0de0002")
                    .doesNotContain("password=");
            Result show = run(db, "show", "a1f0");
            assertThat(show.out())
                    .contains(
                            "Rev: a1f0c0de0001",
                            "Parent: <base>",
                            "create person",
                            "20261121_0900_a1f0c0de0001_create_person.sql");

            Result down = run(db, "downgrade", "-1");
            assertThat(down.exit()).as("%s", down).isZero();
            assertThat(down.lines().get(0))
                    .isEqualTo("Downgrading from b2f0c0de0002 to a1f0c0de0001 (-1): reverting"
                            + " 1 revision(s), which may drop tables, columns and data:");
            assertThat(down.out())
                    .contains(
                            "  b2f0c0de0002  add person email",
                            "Ran downgrade b2f0c0de0002 -> a1f0c0de0001, add person email",
                            "The database is now at a1f0c0de0001.");

            Result stamp = run(db, "stamp", "heads");
            assertThat(stamp.exit()).as("%s", stamp).isZero();
            assertThat(stamp.out()).contains("Stamped a1f0c0de0001 -> heads", "now at b2f0c0de0002");
            Result purge = run(db, "stamp", "--purge", "a1f0c0de0001");
            assertThat(purge.out()).contains("Purged the version table (was at b2f0c0de0002)", "now at a1f0c0de0001");
            Result badStamp = run(db, "stamp", "nope1234");
            assertThat(badStamp.exit()).as("%s", badStamp).isEqualTo(1);
            assertThat(badStamp.out())
                    .as("nothing is announced before the target is known")
                    .isEmpty();
            assertThat(badStamp.err()).contains("ERROR:", "'nope1234'");
            assertThat(run(db, "upgrade").exit()).isZero();

            Result toBase = run(db, "downgrade", "base");
            assertThat(toBase.out()).contains("reverting 2 revision(s)", "The database is now at base.");
            assertThat(run(db, "current").lines()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void offlineSqlBranchesAndFailures(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, dir)) {
            Result sql = run(db, "upgrade", "--sql");
            assertThat(sql.exit()).as("%s", sql).isZero();
            assertThat(sql.out()).contains("CREATE TABLE person", "ALTER TABLE person ADD COLUMN email");
            Result downSql = run(db, "downgrade", "b2f0c0de0002:base", "--sql");
            if (kind == Kind.SQLITE) {
                // Dropping a column rebuilds the SQLite table, whose definition offline SQL cannot read.
                assertThat(downSql.exit()).as("%s", downSql).isEqualTo(1);
                assertThat(downSql.err())
                        .contains(
                                "Cannot write revision b2f0c0de0002",
                                "rebuild of SQLite table" + " person",
                                "run this revision online");
            } else {
                assertThat(downSql.exit()).as("%s", downSql).isZero();
                assertThat(downSql.out()).contains("ALTER TABLE person DROP COLUMN email", "DROP TABLE person");
            }
            assertThat(run(db, "current").lines())
                    .as("offline SQL changes nothing")
                    .isEmpty();

            Result branches = run(db, "--migrations.locations=classpath:db/twoheads", "branches");
            assertThat(branches.lines())
                    .containsExactly(
                            "root0001 (branchpoint)", "         -> left0002 (head)", "         -> right0002 (head)");
            Result heads = run(db, "--migrations.locations=classpath:db/twoheads", "upgrade", "head");
            assertThat(heads.exit()).as("%s", heads).isEqualTo(1);
            assertThat(heads.err()).contains("Multiple head revisions", "migrations merge");

            Result unknown = run(db, "downgrade", "zzzz");
            assertThat(unknown.exit()).as("%s", unknown).isEqualTo(1);
            assertThat(unknown.err()).contains("ERROR:", "'zzzz'", "migrations history");

            Result broken = run(db, "--migrations.locations=classpath:db/broken", "upgrade");
            assertThat(broken.exit()).as("%s", broken).isEqualTo(1);
            assertThat(broken.out())
                    .as("the steps that did run are reported, as after a success")
                    .contains("Ran upgrade <base> -> good0001")
                    .doesNotContain("bad0002");
            assertThat(broken.err())
                    .contains(
                            "Revision bad0002",
                            "0002_bad.sql",
                            "no_such_table",
                            "applied 1 step(s) before this one (good0001); the database is now at good0001");
            List<String> current = run(db, "--migrations.locations=classpath:db/broken", "current")
                    .lines();
            if (kind == Kind.MARIADB) {
                // its DDL commits statement by statement: the revision's first statement stays applied
                assertThat(current).hasSize(2).first().isEqualTo("good0001");
                assertThat(current.get(1)).startsWith("bad0002 (partially applied: 1 statement(s) committed;");
            } else {
                assertThat(current).containsExactly("good0001");
            }
        }
    }

    @Test
    void revisionAndMergeWriteScripts() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            Path sources = dir.resolve("src/main/java");
            Path sqlDir = dir.resolve("sql");
            String[] generate = {
                "--migrations.generate.source-directory=" + sources, "--migrations.generate.sql-directory=" + sqlDir
            };
            Result java = run(db, concat(generate, "revision", "-m", "add phone", "--rev-id", "c3c0ffee0003"));
            assertThat(java.exit()).as("%s", java).isZero();
            Path javaFile = written(sources.resolve("db/migrations"));
            assertThat(java.out()).isEqualTo("Generating " + javaFile + " ... done\n");
            assertThat(Files.readString(javaFile))
                    .contains("id = \"c3c0ffee0003\"", "down = \"b2f0c0de0002\"", "add phone");
            assertThat(Files.readString(javaFile))
                    .as("the create date as hand-written revisions spell it")
                    .containsPattern("createDate = \"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"");

            Result sql = run(
                    db,
                    concat(
                            generate,
                            "revision",
                            "-m",
                            "add fax",
                            "--format",
                            "sql",
                            "--head",
                            "a1f0c0de0001",
                            "--splice",
                            "--branch-label",
                            "fax"));
            assertThat(sql.exit()).as("%s", sql).isZero();
            assertThat(Files.readString(written(sqlDir)))
                    .contains("-- down_revision: a1f0c0de0001", "-- branch_labels: fax", "-- message: add fax");

            Result twoHeads = run(
                    db,
                    "--migrations.locations=classpath:db/twoheads",
                    generate[0],
                    generate[1],
                    "merge",
                    "-m",
                    "join",
                    "heads");
            assertThat(twoHeads.exit()).as("%s", twoHeads).isZero();
            Path merge = Files.list(sources.resolve("db/migrations"))
                    .filter(p -> p.toString().contains("join"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(merge)).contains("left0002", "right0002");

            Result noMessage = run(db, "revision");
            assertThat(noMessage.exit()).as("%s", noMessage).isEqualTo(2);
            assertThat(noMessage.err()).contains("Missing required option: '--message=<message>'");
        }
    }

    @Test
    void helpAndUsage() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            Result help = run(db, "--help");
            assertThat(help.exit()).as("%s", help).isZero();
            assertThat(help.out())
                    .contains(
                            "Usage: migrations",
                            "upgrade",
                            "downgrade",
                            "current",
                            "history",
                            "heads",
                            "branches",
                            "show",
                            "stamp",
                            "merge",
                            "revision",
                            "check");
            Result commandHelp = run(db, "history", "--help");
            assertThat(commandHelp.exit()).as("%s", commandHelp).isZero();
            assertThat(commandHelp.out()).contains("Usage: migrations history", "--indicate-current", "--rev-range");
            Result none = run(db);
            assertThat(none.exit()).as("%s", none).isEqualTo(2);
            assertThat(none.err()).contains("Missing command", "Usage: migrations");
            Result typo = run(db, "upgrde");
            assertThat(typo.exit()).as("%s", typo).isEqualTo(2);
            assertThat(typo.err()).contains("Unmatched argument", "upgrde");
        }
    }

    /** A bad script must not stop the tools that diagnose it, and mistakes are answered before anything starts. */
    @Test
    void badInputAnswersClearlyOnStderr() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            String malformed = "--migrations.locations=classpath:db/malformed";
            Result help = run(db, malformed, "--help");
            assertThat(help.exit()).as("%s", help).isZero();
            assertThat(help.out()).contains("Usage: migrations");
            assertThat(help.err()).as("help starts nothing, so nothing logs").isEmpty();

            Result current = run(db, malformed, "current");
            assertThat(current.exit()).as("%s", current).isEqualTo(1);
            assertThat(current.out()).isEmpty();
            assertThat(current.err())
                    .contains("ERROR: Malformed migration db/malformed/0001_no_marker.sql:4: SQL"
                            + " before the '-- +upgrade' marker")
                    .doesNotContain("APPLICATION FAILED TO START", "start the application");

            Result typo = launch(List.of("--spring.datasource.url=" + db.url(), "migration", "upgrade", "head"));
            assertThat(typo.exit()).as("%s", typo).isEqualTo(2);
            assertThat(typo.err())
                    .contains(
                            "'migration' is not a command of this application",
                            "java -jar app.jar migrations upgrade head");
            assertThat(run(db, "current").lines())
                    .as("the application did not start and migrate")
                    .isEmpty();

            Result upgrade = run(db, "upgrade", "a1f0c0de0001");
            assertThat(upgrade.lines())
                    .as("stdout holds the command's output only; logs go to stderr")
                    .allMatch(line -> line.startsWith("Ran upgrade") || line.startsWith("The database is now at"));
            assertThat(upgrade.err()).as("quiet by default").doesNotContain("Running upgrade");
            Result verbose = launch(List.of(
                    "--spring.datasource.url=" + db.url(),
                    "--logging.threshold.console=info",
                    "migrations",
                    "upgrade"));
            assertThat(verbose.lines()).containsExactly(verbose.lines().get(0), "The database is now at b2f0c0de0002.");
            assertThat(verbose.err())
                    .as("logs, when asked for, go to stderr")
                    .contains("Running upgrade a1f0c0de0001 -> b2f0c0de0002");
        }
    }

    @Test
    void unreachableDatabaseFailsWithAnError() throws Exception {
        Result result = launch(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
                "--spring.datasource.hikari.connection-timeout=1000",
                "migrations",
                "current"));
        assertThat(result.exit()).as("%s", result).isEqualTo(1);
        assertThat(result.err()).contains("ERROR: Cannot connect to the database", "reachable");
    }

    @Test
    void disabledMigrationsSayWhy() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            Result result = run(db, "--migrations.enabled=false", "current");
            assertThat(result.exit()).as("%s", result).isEqualTo(1);
            assertThat(result.err())
                    .startsWith("ERROR: This application has no migrations engine")
                    .doesNotContain("\tat ");
        }
    }

    private static Path written(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }

    /** Runs {@code TestApplication [--spring args] migrations <args>} on {@code db}. */
    /**
     * The database says it is at head but lacks the entities' email column (it was stamped): check
     * lists the difference and fails, and revision --autogenerate writes the migration that adds it.
     */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void checkFailsOnAnEntityChangeAndAutogenerateWritesIt(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, dir)) {
            assertThat(run(db, "upgrade", "a1f0c0de0001").exit()).isZero();
            assertThat(run(db, "stamp", "heads").exit()).isZero();

            Result check = run(db, "check");
            assertThat(check.exit()).as("%s", check).isEqualTo(1);
            assertThat(check.out())
                    .contains("Detected add column email to person: ops.addColumn(\"person\","
                            + " column(\"email\", varchar(200)));");
            assertThat(check.err()).contains("ERROR: New upgrade operations detected");

            Path sources = dir.resolve("generated");
            Result generated = run(
                    db,
                    "--migrations.generate.source-directory=" + sources,
                    "revision",
                    "--autogenerate",
                    "-m",
                    "add person email");
            assertThat(generated.exit()).as("%s", generated).isZero();
            assertThat(generated.out()).contains("Detected add column email to person", "Generating ");
            Path file;
            try (Stream<Path> files = Files.walk(sources)) {
                file = files.filter(f -> f.toString().endsWith(".java"))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(file.getFileName().toString()).endsWith("_add_person_email.java");
            assertThat(Files.readString(file))
                    .contains(
                            "down = \"b2f0c0de0002\"",
                            "ops.addColumn(\"person\", column(\"email\", varchar(200)));",
                            "ops.dropColumn(\"person\", column(\"email\", varchar(200)));");
        }
    }

    private Result run(TestDatabase db, String... args) throws Exception {
        return ApplicationProcess.migrations(dir, db.url(), args);
    }

    private Result launch(List<String> args) throws Exception {
        return ApplicationProcess.run(dir, args);
    }
}
