package dev.migrations.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every tenants and instances property is in the configuration metadata IDEs read, described, with its default. */
class TenantsMetadataTests {

    @Test
    void theTenantAndInstanceKeysAreDocumented() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            metadata.get("properties").forEach(p -> properties.put(p.get("name").asString(), p));
        }
        for (String key : new String[] {
            "migrations.tenants.schemas",
            "migrations.tenants.urls",
            "migrations.tenants.parallelism",
            "migrations.tenants.fail-fast",
            "migrations.instances"
        }) {
            assertThat(properties).as(key).containsKey(key);
            assertThat(properties.get(key).path("description").asString())
                    .as(key)
                    .isNotBlank();
        }
        assertThat(properties
                        .get("migrations.tenants.parallelism")
                        .get("defaultValue")
                        .asInt())
                .isEqualTo(new MigrationsTenantsProperties().getParallelism());
        assertThat(properties
                        .get("migrations.tenants.fail-fast")
                        .get("defaultValue")
                        .asBoolean())
                .isFalse();
        assertThat(properties.get("migrations.instances").get("description").asString())
                .contains("data-source");
    }
}
