package dev.migrations.boot.testcontainers;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * Lets a {@code @ServiceConnection} JDBC container (PostgreSQL, say) be the database migrations run
 * against, as Boot does for Flyway.
 */
final class MigrationsContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigrationsConnectionDetails> {

    @Override
    protected MigrationsConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
        return new ContainerDetails(source);
    }

    private static final class ContainerDetails extends ContainerConnectionDetails<JdbcDatabaseContainer<?>>
            implements MigrationsConnectionDetails {

        ContainerDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
            super(source);
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }

        @Override
        public String getJdbcUrl() {
            return getContainer().getJdbcUrl();
        }

        @Override
        public String getDriverClassName() {
            return getContainer().getDriverClassName();
        }
    }
}
