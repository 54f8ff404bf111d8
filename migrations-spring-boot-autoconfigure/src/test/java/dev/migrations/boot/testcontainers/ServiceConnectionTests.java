package dev.migrations.boot.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import dev.migrations.testing.TestDatabases;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A {@code @ServiceConnection} PostgreSQL container supplies the migrations' connection through
 * {@link MigrationsContainerConnectionDetailsFactory}, with no DataSource and no properties. Docker
 * is not available on every machine that runs these tests, so the container object is bound to the
 * test PostgreSQL server (Testcontainers' own when Docker runs, else the one CI names); Boot's
 * service-connection machinery and the factory are the real ones either way.
 */
@SpringJUnitConfig
@ImportAutoConfiguration(MigrationsAutoConfiguration.class)
class ServiceConnectionTests {

    private static final TestDatabases.TestDatabase database = TestDatabases.postgres();

    @ServiceConnection
    static final PostgreSQLContainer postgres = new BoundPostgres(database.url());

    @Autowired
    MigrationsConnectionDetails connectionDetails;

    @Autowired
    Migrations migrations;

    @AfterAll
    static void dropSchema() throws Exception {
        database.close();
    }

    @Test
    void migrationsConnectThroughTheContainerDetails() {
        assertThat(connectionDetails.getClass().getName())
                .startsWith(MigrationsContainerConnectionDetailsFactory.class.getName());
        assertThat(connectionDetails.getJdbcUrl()).isEqualTo(postgres.getJdbcUrl());
        assertThat(migrations.current()).containsExactly("b2f0c0de0002");
        assertThat(new JdbcTemplate(database.dataSource()).queryForList("SELECT name FROM person", String.class))
                .containsExactly("Ada Lovelace");
    }

    /** A PostgreSQL container object whose connection is an already running server. */
    static final class BoundPostgres extends PostgreSQLContainer {

        private final String url;

        BoundPostgres(String url) {
            super("postgres:15-alpine");
            this.url = url;
        }

        @Override
        public void start() {
            // The server is already running.
        }

        @Override
        public String getDockerImageName() {
            return "postgres:15-alpine"; // without resolving (pulling) the image
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public String getJdbcUrl() {
            return url;
        }

        @Override
        public String getUsername() {
            return query("user", "postgres");
        }

        @Override
        public String getPassword() {
            return query("password", "");
        }

        private String query(String key, String fallback) {
            String query = URI.create(url.substring("jdbc:".length())).getQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith(key + "=")) {
                    return pair.substring(key.length() + 1);
                }
            }
            return fallback;
        }
    }
}
