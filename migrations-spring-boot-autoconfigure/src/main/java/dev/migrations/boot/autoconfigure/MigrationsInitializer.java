package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Runs the startup migration when the context creates this bean; every bean that uses the database
 * (EntityManagerFactory, JdbcTemplate, JdbcClient, jOOQ) is made to depend on it through Boot's
 * database initializer detection.
 */
public class MigrationsInitializer implements InitializingBean, Ordered {

    private final Migrations migrations;
    private final MigrationStrategy strategy;
    private int order;

    /** Upgrades to all heads on startup. */
    public MigrationsInitializer(Migrations migrations) {
        this(migrations, null);
    }

    /** Runs {@code strategy} on startup, or upgrades to all heads when it is null. */
    public MigrationsInitializer(Migrations migrations, @Nullable MigrationStrategy strategy) {
        this.migrations = migrations;
        this.strategy = strategy != null ? strategy : m -> m.upgrade("heads");
    }

    public Migrations getMigrations() {
        return migrations;
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(migrations);
    }

    @Override
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
