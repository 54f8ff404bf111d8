package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import dev.migrations.boot.actuate.health.MigrationsHealthIndicator;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code migrations} health contributor, one indicator per engine bean. Pending revisions are
 * DOWN only when {@code migrations.mode=validate}: such a replica cannot serve a schema it did not
 * migrate, and belongs out of the readiness group until someone upgrades the database.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({Migrations.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Migrations.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<MigrationsHealthIndicator, Migrations> {

    MigrationsHealthContributorAutoConfiguration(Environment environment) {
        super(migrations -> new MigrationsHealthIndicator(migrations, validates(environment)));
    }

    @Bean
    @ConditionalOnMissingBean(name = {"migrationsHealthIndicator", "migrationsHealthContributor"})
    HealthContributor migrationsHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, Migrations.class);
    }

    private static boolean validates(Environment environment) {
        return Binder.get(environment)
                .bind("migrations.mode", MigrationsProperties.Mode.class)
                .map(mode -> mode == MigrationsProperties.Mode.VALIDATE)
                .orElse(false);
    }
}
