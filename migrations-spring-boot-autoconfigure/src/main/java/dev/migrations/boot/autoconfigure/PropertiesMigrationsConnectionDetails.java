package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/** {@link MigrationsConnectionDetails} read from {@code migrations.url}, {@code user} and {@code password}. */
final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

    private final MigrationsProperties properties;

    PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable String getUsername() {
        return properties.getUser();
    }

    @Override
    public @Nullable String getPassword() {
        return properties.getPassword();
    }

    @Override
    public @Nullable String getJdbcUrl() {
        return properties.getUrl();
    }

    @Override
    public @Nullable String getDriverClassName() {
        String explicit = properties.getDriverClassName();
        return explicit != null ? explicit : MigrationsConnectionDetails.super.getDriverClassName();
    }
}
