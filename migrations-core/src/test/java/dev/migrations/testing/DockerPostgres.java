package dev.migrations.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Starts one PostgreSQL container per test JVM when a Docker engine is reachable. */
final class DockerPostgres {

    private static PostgreSQLContainer container;

    private DockerPostgres() {}

    static synchronized String urlIfDockerRuns() {
        if (container != null) {
            return url();
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (!docker) {
            return null;
        }
        container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        return url();
    }

    private static String url() {
        return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
    }
}
