package dev.migrations.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter on MariaDB: a boot whose revision fails at its second statement leaves it partly
 * applied, which {@code /actuator/migrations} and the health show; the next boot, with the
 * statement fixed, resumes there and the endpoint shows every revision applied.
 */
class MariaDbActuatorHttpTests {

    private static final String BEAN = "/contexts/application/migrationsBeans/migrations";

    @TempDir
    Path tmp;

    @Test
    void aPartlyAppliedRevisionIsShownAndTheNextBootResumesIt() throws Exception {
        try (TestDatabase db = TestDatabases.mariadb()) {
            Scripts scripts = new Scripts(tmp.resolve("scripts"));
            scripts.table("aaaa0001", null);
            Path second = scripts.sql(
                    "bbbb0002",
                    "aaaa0001",
                    "CREATE TABLE parts (id INTEGER PRIMARY KEY);\n"
                            + "CREATE TABLE part_notes (id INTEGER PRIMARY KEY, part_id INTEGER REFERENCES nowhere (id));",
                    "DROP TABLE part_notes;\nDROP TABLE parts;");

            assertThatThrownBy(() -> start(db, scripts).close())
                    .hasStackTraceContaining("Revision bbbb0002")
                    .hasStackTraceContaining("statements_done = 1");

            try (ConfigurableApplicationContext app = start(db, scripts, "--migrations.mode=none")) {
                JsonNode bean = get(app, "/actuator/migrations", 200).at(BEAN);
                assertThat(bean.at("/revisions/0/state").asString()).isEqualTo("applied");
                assertThat(bean.at("/revisions/1/state").asString()).isEqualTo("partially-applied");
                JsonNode failed = bean.at("/history/1");
                assertThat(failed.at("/revision").asString()).isEqualTo("bbbb0002");
                assertThat(failed.at("/success").asBoolean()).isFalse();
                assertThat(failed.at("/statementsDone").asInt()).isEqualTo(1);
                assertThat(bean.at("/history/0").has("statementsDone"))
                        .as("a revision that ran whole journals its statements too")
                        .isTrue();
                assertThat(get(app, "/actuator/health", 503)
                                .at("/components/migrations/status")
                                .asString())
                        .isEqualTo("DOWN");
            }

            Files.writeString(
                    second, Files.readString(second).replace("REFERENCES nowhere (id)", "REFERENCES parts (id)"));
            try (ConfigurableApplicationContext app = start(db, scripts)) {
                assertThat(app.getBean(Migrations.class).current()).containsExactly("bbbb0002");
                JsonNode bean = get(app, "/actuator/migrations", 200).at(BEAN);
                assertThat(bean.at("/upToDate").asBoolean()).isTrue();
                assertThat(bean.at("/revisions/1/state").asString()).isEqualTo("applied");
                assertThat(bean.at("/history/2/statementsDone").asInt()).isEqualTo(2);
                assertThat(get(app, "/actuator/health", 200)
                                .at("/components/migrations/status")
                                .asString())
                        .isEqualTo("UP");
            }
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase db, Scripts scripts, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--migrations.locations=" + scripts.location(),
                "--management.endpoints.web.exposure.include=migrations,health",
                "--management.endpoint.health.show-details=always",
                "--management.endpoint.health.show-components=always"));
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
        return JsonMapper.builder().build().readTree(response.body());
    }
}
