package dev.migrations.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.testing.Scripts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/migrations}, {@code /actuator/health} and the metrics over real HTTP, on a real
 * server on a random port, against SQLite files: at heads, pending, failed, edited, two databases.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsActuatorHttpTests {

    private static final String BEAN = "/contexts/application/migrationsBeans/migrations";

    @TempDir
    Path tmp;

    private Scripts scripts;
    private String url;

    @BeforeEach
    void scripts() {
        scripts = new Scripts(tmp.resolve("scripts"));
        scripts.table("aaaa0001", null);
        scripts.table("bbbb0002", "aaaa0001");
        url = "jdbc:sqlite:" + tmp.resolve("app.db");
    }

    @Test
    void atHeadsEveryRevisionIsAppliedAndHealthIsUp(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            JsonNode body = get(app, "/actuator/migrations", 200);
            JsonNode bean = body.at(BEAN);
            assertThat(bean.at("/upToDate").asBoolean()).isTrue();
            assertThat(texts(bean.at("/currentHeads"))).containsExactly("bbbb0002");
            assertThat(texts(bean.at("/scriptHeads"))).containsExactly("bbbb0002");
            assertThat(bean.at("/pending").isEmpty()).isTrue();
            assertThat(bean.at("/revisions/0/revision").asString()).isEqualTo("aaaa0001");
            assertThat(bean.at("/revisions/0/state").asString()).isEqualTo("applied");
            assertThat(bean.at("/revisions/1/downRevisions/0").asString()).isEqualTo("aaaa0001");
            assertThat(bean.at("/revisions/1/message").asString()).isEqualTo("revision bbbb0002");
            JsonNode first = bean.at("/history/0");
            assertThat(first.at("/direction").asString()).isEqualTo("upgrade");
            assertThat(first.at("/success").asBoolean()).isTrue();
            assertThat(first.at("/appliedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(first.has("executionTime")).isTrue();
            assertThat(first.has("error")).as("nulls are left out").isFalse();
            assertThat(body.toString()).as("no script bodies").doesNotContain("CREATE TABLE");

            JsonNode detail = get(app, "/actuator/migrations/bbbb0002", 200).at(BEAN + "/revision");
            assertThat(detail.at("/state").asString()).isEqualTo("applied");
            assertThat(detail.at("/history/0/revision").asString()).isEqualTo("bbbb0002");
            get(app, "/actuator/migrations/ffff9999", 404);

            JsonNode health = get(app, "/actuator/health", 200);
            assertThat(health.at("/components/migrations/status").asString()).isEqualTo("UP");
            assertThat(texts(health.at("/components/migrations/details/currentHeads")))
                    .containsExactly("bbbb0002");

            JsonNode timer = get(app, "/actuator/metrics/migrations.revision?tag=revision:bbbb0002", 200);
            assertThat(tagValues(timer, "direction")).containsExactly("upgrade");
            assertThat(tagValues(timer, "outcome")).containsExactly("success");
            assertThat(tagValues(timer, "datasource")).containsExactly("dataSource");
            assertThat(get(app, "/actuator/metrics/migrations.pending", 200)
                            .at("/measurements/0/value")
                            .asDouble())
                    .isZero();
            var recorder = app.getBean(ActuatorTestApplication.ObservationRecorder.class);
            assertThat(recorder.stopped).anySatisfy(c -> {
                assertThat(c.getName()).isEqualTo("migrations.run");
                assertThat(c.getLowCardinalityKeyValue("command").getValue()).isEqualTo("upgrade");
            });
        }
        assertThat(output)
                .contains("Running upgrade  -> aaaa0001, revision aaaa0001 (1/2)".replace("  ", " "))
                .contains("Finished upgrade bbbb0002 in")
                .contains("(2/2)");
    }

    @Test
    void pendingRevisionsAreListedInOrderAndDownOnlyForValidatingReplicas() throws Exception {
        scripts.table("cccc0003", "bbbb0002");
        try (ConfigurableApplicationContext app = start("--migrations.mode=none")) {
            JsonNode bean = get(app, "/actuator/migrations", 200).at(BEAN);
            assertThat(bean.at("/upToDate").asBoolean()).isFalse();
            assertThat(texts(bean.at("/pending"))).containsExactly("aaaa0001", "bbbb0002", "cccc0003");
            assertThat(bean.at("/revisions/2/state").asString()).isEqualTo("pending");
            assertThat(get(app, "/actuator/health", 200)
                            .at("/components/migrations/status")
                            .asString())
                    .isEqualTo("UP");
            assertThat(get(app, "/actuator/metrics/migrations.pending", 200)
                            .at("/measurements/0/value")
                            .asDouble())
                    .isEqualTo(3.0);
        }
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(Migrations.class).current()).containsExactly("cccc0003");
        }
        try (ConfigurableApplicationContext app = start("--migrations.mode=validate")) {
            assertThat(get(app, "/actuator/health/readiness", 200).at("/status").asString())
                    .isEqualTo("UP");
            // someone downgrades the database under a replica that only validates
            Migrations.configure()
                    .dataSource(new SimpleDriverDataSource(new org.sqlite.JDBC(), url))
                    .locations(scripts.location())
                    .load()
                    .downgrade("-1");
            JsonNode migrations = get(app, "/actuator/health", 503).at("/components/migrations");
            assertThat(migrations.at("/status").asString()).isEqualTo("DOWN");
            assertThat(texts(migrations.at("/details/pending"))).containsExactly("cccc0003");
            assertThat(get(app, "/actuator/health/readiness", 503).at("/status").asString())
                    .isEqualTo("DOWN");
        }
    }

    @Test
    void failedRevisionIsReportedAndHealthIsDown() throws Exception {
        scripts.sql(
                "cccc0003",
                "bbbb0002",
                "INSERT INTO t_aaaa0001 (id, name) VALUES (1, 'x');\n" + "INSERT INTO no_such_table VALUES (1);",
                "SELECT 1;");
        try (ConfigurableApplicationContext app = start("--migrations.mode=none")) {
            assertThatThrownBy(() -> app.getBean(Migrations.class).upgrade("heads"))
                    .hasMessageContaining("Revision cccc0003");
            JsonNode bean = get(app, "/actuator/migrations", 200).at(BEAN);
            assertThat(texts(bean.at("/currentHeads"))).containsExactly("bbbb0002");
            assertThat(bean.at("/revisions/2/state").asString()).isEqualTo("failed");
            JsonNode failure = bean.at("/history/2");
            assertThat(failure.at("/revision").asString()).isEqualTo("cccc0003");
            assertThat(failure.at("/success").asBoolean()).isFalse();
            assertThat(failure.at("/error").asString())
                    .contains("no_such_table")
                    .as("the statement's text stays out")
                    .doesNotContain("INSERT");
            JsonNode health = get(app, "/actuator/health", 503).at("/components/migrations");
            assertThat(health.at("/status").asString()).isEqualTo("DOWN");
            assertThat(texts(health.at("/details/failed"))).containsExactly("cccc0003");
            JsonNode timer = get(app, "/actuator/metrics/migrations.revision?tag=revision:cccc0003", 200);
            assertThat(tagValues(timer, "outcome")).containsExactly("failure");
        }
    }

    @Test
    void editedAppliedScriptIsAChecksumMismatchAndHealthIsDown() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(Migrations.class).current()).containsExactly("bbbb0002");
        }
        Path first = scripts.dir().resolve("000_aaaa0001.sql");
        Files.writeString(first, Files.readString(first).replace("VARCHAR(50)", "VARCHAR(80)"));
        try (ConfigurableApplicationContext app = start("--migrations.mode=none")) {
            JsonNode bean = get(app, "/actuator/migrations", 200).at(BEAN);
            assertThat(bean.at("/upToDate").asBoolean()).isTrue();
            assertThat(bean.at("/revisions/0/state").asString()).isEqualTo("checksum-mismatch");
            assertThat(bean.at("/revisions/0/checksum").asString())
                    .isNotEqualTo(bean.at("/history/0/checksum").asString());
            JsonNode health = get(app, "/actuator/health", 503).at("/components/migrations");
            assertThat(texts(health.at("/details/checksumMismatches"))).containsExactly("aaaa0001");
        }
    }

    @Test
    void twoDatabasesEachAppear() throws Exception {
        String orders = "jdbc:sqlite:" + tmp.resolve("orders.db");
        String audit = "jdbc:sqlite:" + tmp.resolve("audit.db");
        try (ConfigurableApplicationContext app = start(
                "--test.two-databases=true",
                "--test.orders-url=" + orders,
                "--test.audit-url=" + audit,
                "--test.locations=" + scripts.location())) {
            JsonNode beans = get(app, "/actuator/migrations", 200).at("/contexts/application/migrationsBeans");
            assertThat(beans.at("/ordersMigrations/upToDate").asBoolean()).isFalse();
            assertThat(texts(beans.at("/ordersMigrations/pending"))).containsExactly("aaaa0001", "bbbb0002");
            assertThat(beans.at("/auditMigrations/upToDate").asBoolean()).isTrue();
            assertThat(beans.has("migrations"))
                    .as("user engines replace the auto-configured one")
                    .isFalse();
            JsonNode health = get(app, "/actuator/health", 200).at("/components/migrations/components");
            assertThat(health.at("/ordersMigrations/status").asString()).isEqualTo("UP");
            assertThat(health.at("/auditMigrations/status").asString()).isEqualTo("UP");
            JsonNode pending = get(app, "/actuator/metrics/migrations.pending?tag=datasource:ordersMigrations", 200);
            assertThat(pending.at("/measurements/0/value").asDouble()).isEqualTo(2.0);
        }
    }

    private ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--migrations.locations=" + scripts.location(),
                "--management.endpoints.web.exposure.include=migrations,health,metrics",
                "--management.endpoint.health.show-details=always",
                "--management.endpoint.health.show-components=always",
                "--management.endpoint.health.probes.enabled=true",
                "--management.endpoint.health.group.readiness.include=readinessState,migrations"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(ActuatorTestApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(all.toArray(String[]::new));
    }

    private static JsonNode get(ConfigurableApplicationContext app, String path, int status) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : JsonMapper.builder().build().readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    private static List<String> tagValues(JsonNode metric, String tag) {
        for (JsonNode t : metric.at("/availableTags")) {
            if (t.at("/tag").asString().equals(tag)) {
                return texts(t.at("/values"));
            }
        }
        return List.of();
    }
}
