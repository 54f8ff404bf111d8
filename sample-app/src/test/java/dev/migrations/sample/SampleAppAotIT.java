package dev.migrations.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The packaged jar, built with {@code spring-boot:process-aot}, run in AOT mode on the JVM
 * ({@code -Dspring.aot.enabled=true}): it migrates on boot from the build-time revision index, answers
 * the endpoint and the command line, and carries exact native-image hints for its revisions.
 */
class SampleAppAotIT {

    private static final String HEAD = "b7c8d9e0f1a2";
    private static final String METADATA = "META-INF/native-image/dev.migrations/sample-app/reachability-metadata.json";

    @TempDir
    Path workDir;

    @Test
    void theJarCarriesTheIndexAndExactHintsForItsRevisions() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            String index = read(jar, "BOOT-INF/classes/db/migrations/migrations.index");
            assertThat(index.lines().filter(l -> l.startsWith("java\t") || l.startsWith("sql\t")))
                    .hasSize(SampleApplicationTests.REVISIONS.size());
            JsonNode hints = new ObjectMapper().readTree(read(jar, METADATA));
            List<String> globs = strings(hints.at("/resources"), "glob");
            List<String> types = strings(hints.at("/reflection"), "type");
            assertThat(globs)
                    .contains(
                            "db/migrations/migrations.index",
                            "db/migrations/20261105_0800_c3d2e1f0a9b8_fill_full_name.sql")
                    .as("exact files, not the folder's pattern")
                    .noneMatch(glob -> glob.startsWith("db/migrations/*"));
            assertThat(types)
                    .contains("db.migrations.Rev20261110_1000_b7c8d9e0f1a2_add_archived_flag")
                    .filteredOn(type -> type.startsWith("db.migrations."))
                    .hasSize(SampleApplicationTests.REVISIONS.size() - 1); // all but the SQL revision
        }
    }

    @Test
    void inAotModeItMigratesOnBootAndAnswersTheEndpointAndTheCommandLine() throws Exception {
        int port = freePort();
        List<String> command = java();
        command.add("--server.port=" + port);
        command.add("--logging.level.dev.migrations.internal.script=debug");
        Path log = workDir.resolve("app.log");
        Process app = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            waitUntilReady(app, port, log);
            String output = Files.readString(log);
            assertThat(output).contains("Starting AOT-processed SampleApplication");
            assertThat(output).as("booted from the index, not a scan").doesNotContain("Scanning the migrations");
            JsonNode body = SampleApplicationTests.call(port, "GET", "/actuator/migrations", null, 200);
            JsonNode bean = body.at("/contexts/sample-app/migrationsBeans/migrations");
            assertThat(bean.at("/upToDate").asBoolean()).as(body.toString()).isTrue();
            assertThat(bean.at("/currentHeads/0").asString()).isEqualTo(HEAD);
            assertThat(bean.at("/revisions").size()).isEqualTo(SampleApplicationTests.REVISIONS.size());
            JsonNode health = SampleApplicationTests.call(port, "GET", "/actuator/health", null, 200);
            assertThat(health.at("/components/migrations/status").asString()).isEqualTo("UP");
        } finally {
            app.destroy();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> current = java();
        current.addAll(List.of("migrations", "current"));
        Path out = workDir.resolve("current.txt");
        Process cli = new ProcessBuilder(current)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(workDir.resolve("current.err").toFile())
                .start();
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue())
                .as(Files.readString(workDir.resolve("current.err")))
                .isZero();
        assertThat(Files.readString(out).strip()).isEqualTo(HEAD + " (head)");
    }

    /** Each entry's {@code field} where it is a plain string (a proxy's "type" is an object). */
    private static List<String> strings(JsonNode entries, String field) {
        List<String> values = new ArrayList<>();
        entries.forEach(entry -> {
            if (entry.path(field).isString()) {
                values.add(entry.path(field).asString());
            }
        });
        return values;
    }

    private static String read(JarFile jar, String entry) throws IOException {
        assertThat(jar.getJarEntry(entry)).as(entry).isNotNull();
        try (InputStream in = jar.getInputStream(jar.getJarEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> java() {
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Dspring.aot.enabled=true",
                "-jar",
                jar().toString()));
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
