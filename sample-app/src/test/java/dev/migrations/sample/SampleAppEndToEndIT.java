package dev.migrations.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The README's tour, run for real: the packaged jar boots in an empty directory (SQLite at
 * ./data/sample.db by default) or on PostgreSQL, answers the endpoint and the API, stops, and
 * then the seeds' command sequence runs against the same database, asserting output and exit.
 */
class SampleAppEndToEndIT {

    private static final String HEAD = "b7c8d9e0f1a2";
    private static final String MERGE = "f6a7b8c9d0e1";

    @TempDir
    Path workDir;

    record Result(int exit, String out, String err) {

        List<String> lines() {
            return out.isBlank() ? List.of() : out.strip().lines().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void bootLookThenTheCommandLineTour(Kind kind) throws Exception {
        try (TestDatabase db = kind == Kind.SQLITE ? null : TestDatabases.create(kind, workDir)) {
            List<String> database = switch (kind) {
                case POSTGRESQL -> List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + db.url());
                case MARIADB ->
                    List.of(
                            "--spring.profiles.active=mysql",
                            "--spring.datasource.url=" + SampleApplicationTests.url(db));
                default -> List.of(); // the defaults: ./data/sample.db in the working directory
            };
            bootAndLook(database);
            if (kind == Kind.SQLITE) {
                assertThat(workDir.resolve("data/sample.db"))
                        .as("the default database file")
                        .isRegularFile();
            }
            commandLineTour(database);
        }
    }

    private void bootAndLook(List<String> database) throws Exception {
        int port = freePort();
        List<String> command = java(database);
        command.add("--server.port=" + port);
        Path log = workDir.resolve("app.log");
        Process app = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            waitUntilReady(app, port, log);
            JsonNode body = SampleApplicationTests.call(port, "GET", "/actuator/migrations", null, 200);
            JsonNode bean = body.at("/contexts/sample-app/migrationsBeans/migrations");
            assertThat(bean.at("/upToDate").asBoolean()).as(body.toString()).isTrue();
            assertThat(bean.at("/currentHeads/0").asString()).isEqualTo(HEAD);
            assertThat(bean.at("/revisions").size()).isEqualTo(SampleApplicationTests.REVISIONS.size());
            bean.at("/revisions")
                    .forEach(r -> assertThat(r.at("/state").asString()).isEqualTo("applied"));
            JsonNode index = null;
            for (JsonNode revision : bean.at("/revisions")) {
                if (revision.at("/revision").asString().equals("d4e5f6a7b8c9")) {
                    index = revision;
                }
            }
            assertThat(index).as("the index revision is listed").isNotNull();
            assertThat(index.at("/branchLabels/0").asString()).isEqualTo("search");
            assertThat(index.at("/source").asString())
                    .isEqualTo("db.migrations.Rev20261106_1400_d4e5f6a7b8c9_index_conversations_user_id");
            assertThat(bean.at("/history").size()).isEqualTo(SampleApplicationTests.REVISIONS.size());

            JsonNode health = SampleApplicationTests.call(port, "GET", "/actuator/health", null, 200);
            assertThat(health.at("/components/migrations/status").asString()).isEqualTo("UP");
            JsonNode users = SampleApplicationTests.call(port, "GET", "/api/users", null, 200);
            assertThat(users.findValuesAsString("fullName")).containsExactly("Ada Lovelace", "Grace Hopper");
            assertThat(Files.readString(log)).contains("curl http://localhost:" + port + "/actuator/migrations");
        } finally {
            app.destroy();
            assertThat(app.waitFor(30, TimeUnit.SECONDS))
                    .as("the app stops on SIGTERM")
                    .isTrue();
        }
    }

    private void commandLineTour(List<String> database) throws Exception {
        Result upgrade = run(database, "upgrade", "head");
        assertThat(upgrade.exit()).as("%s", upgrade).isZero();
        assertThat(upgrade.lines()).containsExactly("Nothing to upgrade: the database is at " + HEAD + ".");

        Result back = run(database, "downgrade", "-1");
        assertThat(back.exit()).as("%s", back).isZero();
        assertThat(back.out())
                .contains("Ran downgrade " + HEAD + " -> " + MERGE + ", add archived flag to conversations");

        Result current = run(database, "current");
        assertThat(current.exit()).as("%s", current).isZero();
        assertThat(current.lines()).containsExactly(MERGE + " (mergepoint)");

        // as in Alembic, one step down from a merge point is ambiguous: the error says what to do
        Result ambiguous = run(database, "downgrade", "-1");
        assertThat(ambiguous.exit()).as("%s", ambiguous).isEqualTo(1);
        assertThat(ambiguous.err()).contains("Ambiguous walk", "name the revision instead of a relative step");

        Result base = run(database, "downgrade", "base");
        assertThat(base.exit()).as("%s", base).isZero();
        assertThat(base.out()).contains("Ran downgrade 5cd038a8f131 -> <base>, create users");
        assertThat(run(database, "current").lines()).isEmpty();

        Result again = run(database, "upgrade", "head");
        assertThat(again.exit()).as("%s", again).isZero();
        assertThat(again.out())
                .contains(
                        "Ran upgrade <base> -> 5cd038a8f131, create users",
                        "Ran upgrade c3d2e1f0a9b8 -> e5f6a7b8c9d0, messages.role not null default user",
                        "The database is now at " + HEAD + ".");

        Result history = run(database, "history");
        assertThat(history.exit()).as("%s", history).isZero();
        // as in Alembic, branch labels spread to every descendant, through the merge
        assertThat(history.lines().get(0))
                .isEqualTo(MERGE + " -> " + HEAD + " (messages, search) (head), add archived flag to conversations");
        assertThat(history.lines().get(1))
                .isEqualTo("d4e5f6a7b8c9, e5f6a7b8c9d0 -> " + MERGE
                        + " (messages, search) (mergepoint), merge search and messages");
        assertThat(history.lines())
                .hasSize(SampleApplicationTests.REVISIONS.size())
                .last()
                .asString()
                .startsWith("<base> -> 5cd038a8f131");

        Result stamp = run(database, "stamp", "head");
        assertThat(stamp.exit()).as("%s", stamp).isZero();
        assertThat(run(database, "current").lines()).containsExactly(HEAD + " (head)");

        Result check = run(database, "check");
        assertThat(check.exit()).as("%s", check).isZero();
    }

    private Result run(List<String> database, String... migrationsArgs) throws Exception {
        List<String> command = java(database);
        command.add("migrations");
        command.addAll(List.of(migrationsArgs));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("migrations %s finishes", List.of(migrationsArgs))
                .isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> java(List<String> database) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString()));
        command.addAll(database);
        return command;
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("the packaged sample app (run through `./mvnw verify`)")
                .isRegularFile();
        return jar;
    }

    private static void waitUntilReady(Process app, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive())
                    .as("the app is running; log:%n%s", Files.readString(log))
                    .isTrue();
            try {
                SampleApplicationTests.call(port, "GET", "/actuator/health/readiness", null, 200);
                return;
            } catch (IOException | AssertionError notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("not ready within 90 s; log:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
