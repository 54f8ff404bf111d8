package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationsConfiguration;

/**
 * Adjusts the engine's configuration after the properties were applied; beans of this type are
 * called in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface MigrationsConfigurationCustomizer {

    void customize(MigrationsConfiguration configuration);
}
