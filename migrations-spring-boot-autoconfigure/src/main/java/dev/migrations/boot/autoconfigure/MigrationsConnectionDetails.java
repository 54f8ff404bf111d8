package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Where migrations connect when not through the application's DataSource. All values null means
 * "use the application's DataSource"; Testcontainers and Docker Compose service connections supply
 * a bean of this type and win over the {@code migrations.url/user/password} properties.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

    @Nullable
    String getUsername();

    @Nullable
    String getPassword();

    @Nullable
    String getJdbcUrl();

    default @Nullable String getDriverClassName() {
        String url = getJdbcUrl();
        return url != null ? DatabaseDriver.fromJdbcUrl(url).getDriverClassName() : null;
    }
}
