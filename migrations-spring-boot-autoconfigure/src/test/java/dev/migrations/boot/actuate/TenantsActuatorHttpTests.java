package dev.migrations.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.app.PostgresTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * Tenants over real HTTP on PostgreSQL schemas: the endpoint's counts and the tenants not at the
 * heads, a tenant's own page, health DOWN for a failed tenant, the gauge of tenants behind.
 */
class TenantsActuatorHttpTests {

    private static final String BEAN = "/contexts/application/migrationsBeans/migrations";

    @TempDir
    Path tmp;

    @Test
    void theEndpointHealthAndGaugeReportEachTenant() throws Exception {
        try (PostgresTenants tenants = new PostgresTenants(6)) {
            String bad = tenants.name(2);
            tenants.collideOnInvoice(bad);
            try (ConfigurableApplicationContext app = start(tenants)) {
                JsonNode summary = get(app, "/actuator/migrations", 200).at(BEAN + "/tenants");
                assertThat(summary.at("/total").asInt()).isEqualTo(6);
                assertThat(summary.at("/counts/upToDate").asInt()).isEqualTo(5);
                assertThat(summary.at("/counts/failed").asInt()).isEqualTo(1);
                assertThat(summary.at("/notAtHeads")).hasSize(1);
                JsonNode failed = summary.at("/notAtHeads/0");
                assertThat(failed.at("/tenant").asString()).isEqualTo(bad);
                assertThat(failed.at("/standing").asString()).isEqualTo("failed");
                assertThat(failed.at("/currentHeads/0").asString()).isEqualTo("acc00001");
                assertThat(failed.at("/failed/0").asString()).isEqualTo("inv00002");
                assertThat(failed.at("/pending/0").asString()).isEqualTo("inv00002");

                JsonNode one =
                        get(app, "/actuator/migrations/tenants/" + bad, 200).at(BEAN);
                assertThat(one.at("/revisions/1/state").asString()).isEqualTo("failed");
                assertThat(one.at("/history/1/success").asBoolean()).isFalse();
                JsonNode healthy = get(app, "/actuator/migrations/tenants/" + tenants.name(0), 200)
                        .at(BEAN);
                assertThat(healthy.at("/upToDate").asBoolean()).isTrue();
                get(app, "/actuator/migrations/tenants/nobody", 404);

                JsonNode health = get(app, "/actuator/health", 503).at("/components/migrations");
                assertThat(health.at("/status").asString()).isEqualTo("DOWN");
                assertThat(health.at("/details/failedTenants/0").asString()).isEqualTo(bad);
                assertThat(health.at("/details/counts/up to date").asInt()).isEqualTo(5);

                JsonNode behind = get(app, "/actuator/metrics/migrations.tenants.behind", 200);
                assertThat(behind.at("/measurements/0/value").asDouble()).isEqualTo(1.0);
                get(app, "/actuator/metrics/migrations.pending", 404);
            }
        }
    }

    private ConfigurableApplicationContext start(PostgresTenants tenants) throws Exception {
        List<String> args = List.of(
                "--server.port=0",
                "--spring.datasource.url=" + PostgresTenants.URL,
                "--migrations.locations=" + PostgresTenants.revisions(tmp.resolve("revisions")),
                "--migrations.tenants.schemas=" + String.join(",", tenants.schemas),
                "--management.endpoints.web.exposure.include=migrations,health,metrics",
                "--management.endpoint.health.show-details=always",
                "--management.endpoint.health.show-components=always");
        return new SpringApplicationBuilder(ActuatorTestApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
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
}
