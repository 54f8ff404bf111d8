package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;

/**
 * What {@link MigrationsInitializer} does at startup instead of the configured mode: declare a bean of
 * this type to, say, stamp a legacy database before the first upgrade.
 */
@FunctionalInterface
public interface MigrationStrategy {

    void migrate(Migrations migrations);
}
