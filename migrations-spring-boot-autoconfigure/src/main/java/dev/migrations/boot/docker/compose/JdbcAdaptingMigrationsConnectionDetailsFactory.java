package dev.migrations.boot.docker.compose;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Adapts the JDBC connection details that Docker Compose support derives from a running database
 * service, so migrations use that database too.
 */
final class JdbcAdaptingMigrationsConnectionDetailsFactory
        implements ConnectionDetailsFactory<JdbcConnectionDetails, MigrationsConnectionDetails> {

    @Override
    public MigrationsConnectionDetails getConnectionDetails(JdbcConnectionDetails input) {
        return new MigrationsConnectionDetails() {

            @Override
            public @Nullable String getUsername() {
                return input.getUsername();
            }

            @Override
            public @Nullable String getPassword() {
                return input.getPassword();
            }

            @Override
            public @Nullable String getJdbcUrl() {
                return input.getJdbcUrl();
            }

            @Override
            public @Nullable String getDriverClassName() {
                return input.getDriverClassName();
            }
        };
    }
}
