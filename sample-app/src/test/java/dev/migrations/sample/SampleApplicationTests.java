package dev.migrations.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample app in-process on each database: it migrates on boot, Hibernate's own schema
 * validation accepts what the revisions built, the REST API works on it, and every revision
 * downgrades back to an empty schema and upgrades again.
 */
class SampleApplicationTests {

    static final List<String> REVISIONS = List.of(
            "5cd038a8f131",
            "27c6a30d7c24",
            "ae1027a6acf3",
            "9b8a6c2d4e10",
            "c3d2e1f0a9b8",
            "d4e5f6a7b8c9",
            "e5f6a7b8c9d0",
            "f6a7b8c9d0e1",
            "b7c8d9e0f1a2");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migratesOnBootMatchesTheEntitiesAndServesTheApi(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp);
                ConfigurableApplicationContext app = start(db)) {
            Migrations migrations = app.getBean(Migrations.class);
            assertThat(migrations.current()).containsExactly("b7c8d9e0f1a2");
            assertThat(migrations.appliedHistory())
                    .extracting(h -> h.revision())
                    .containsExactlyInAnyOrderElementsOf(REVISIONS);

            JsonNode users = call(app, "GET", "/api/users", null, 200);
            assertThat(users.findValuesAsString("fullName"))
                    .as("the data migration filled full_name")
                    .containsExactly("Ada Lovelace", "Grace Hopper");
            long ada = users.get(0).get("id").asLong();
            JsonNode conversation = call(
                    app,
                    "POST",
                    "/api/users/" + ada + "/conversations",
                    "{\"title\":\"Engines\",\"userPreferences\":\"{\\\"theme\\\":\\\"dark\\\"}\"}",
                    201);
            long id = conversation.get("id").asLong();
            assertThat(conversation.get("userPreferences").asString()).isEqualTo("{\"theme\":\"dark\"}");
            assertThat(conversation.get("archived").asBoolean()).isFalse();
            call(app, "POST", "/api/conversations/" + id + "/messages", "{\"content\":\"Hello\"}", 201);
            JsonNode messages = call(app, "GET", "/api/conversations/" + id + "/messages", null, 200);
            assertThat(messages.get(0).get("role").asString()).isEqualTo("user");

            // the server default the later revision added works for rows written without JPA too
            JdbcTemplate jdbc = new JdbcTemplate(migrations.dataSource());
            jdbc.update("INSERT INTO messages (conversation_id, content) VALUES (?, 'raw')", id);
            assertThat(jdbc.queryForObject("SELECT role FROM messages WHERE content = 'raw'", String.class))
                    .isEqualTo("user");

            // every revision downgrades: base leaves only the engine's own tables, and heads come back
            migrations.downgrade("base");
            assertThat(migrations.current()).isEmpty();
            assertThat(userTables(db)).isEmpty();
            migrations.upgrade("heads");
            assertThat(userTables(db)).containsExactlyInAnyOrder("users", "conversations", "messages");
        }
    }

    private ConfigurableApplicationContext start(TestDatabase db) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url(db)));
        // Hibernate checks the migrated schema against the entities on its own. Not on SQLite: there
        // an identity key must be INTEGER, which Hibernate's validator refuses for a Long id even on
        // the schema Hibernate itself creates.
        if (db.kind() != Kind.SQLITE) {
            args.add("--spring.jpa.hibernate.ddl-auto=validate");
        }
        return new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(String[]::new));
    }

    /** On MariaDB, with the `mysql` profile's PIPES_AS_CONCAT: the sample's SQL data migration uses `||`. */
    static String url(TestDatabase db) {
        return db.kind() == Kind.MARIADB ? db.url().replace("sql_mode='", "sql_mode='PIPES_AS_CONCAT,") : db.url();
    }

    private static List<String> userTables(TestDatabase db) throws Exception {
        List<String> tables = new ArrayList<>();
        try (var c = db.dataSource().getConnection();
                var rs = c.getMetaData()
                        .getTables(db.kind() == Kind.MARIADB ? c.getCatalog() : null, c.getSchema(), "%", new String[] {
                            "TABLE"
                        })) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                if (!name.startsWith("migrations_") && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    static JsonNode call(ConfigurableApplicationContext app, String method, String path, String json, int status)
            throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return call(port, method, path, json, status);
    }

    static JsonNode call(int port, String method, String path, String json, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(status);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
