package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import dev.migrations.boot.actuate.metrics.MigrationsObservability;
import dev.migrations.boot.actuate.metrics.MigrationsPendingMeterBinder;
import dev.migrations.boot.actuate.metrics.MigrationsTenantsMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters and observations for the migrations: a timer per revision run, a gauge of
 * pending revisions and a {@code migrations.run} observation around each command. Every meter is
 * tagged with the name of the DataSource bean it migrates.
 */
@AutoConfiguration(
        after = MigrationsAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnClass({Migrations.class, MeterRegistry.class, ObservationRegistry.class})
public final class MigrationsObservabilityAutoConfiguration {

    /** Adds the listener while the engine is built, so the very first startup run is measured. */
    @Bean
    MigrationsConfigurationCustomizer migrationsObservabilityCustomizer(
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations,
            ListableBeanFactory beanFactory) {
        return configuration -> {
            MeterRegistry meterRegistry = meters.getIfUnique();
            ObservationRegistry observationRegistry = observations.getIfUnique();
            if (meterRegistry != null || observationRegistry != null) {
                String dataSource = dataSourceName(beanFactory, configuration.dataSource());
                configuration.listeners(new MigrationsObservability(
                        meterRegistry, observationRegistry, dataSource != null ? dataSource : "migrations"));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationsPendingMeterBinder migrationsPendingMeterBinder(ListableBeanFactory beanFactory) {
        return new MigrationsPendingMeterBinder(() -> enginesByDataSource(beanFactory));
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationsTenantsMeterBinder migrationsTenantsMeterBinder(ListableBeanFactory beanFactory) {
        return new MigrationsTenantsMeterBinder(() -> enginesByDataSource(beanFactory));
    }

    private static Map<String, Migrations> enginesByDataSource(ListableBeanFactory beanFactory) {
        Map<String, Migrations> engines = new LinkedHashMap<>();
        beanFactory.getBeansOfType(Migrations.class, false, false).forEach((name, m) -> {
            String dataSource = dataSourceName(beanFactory, m.dataSource());
            engines.put(dataSource != null ? dataSource : name, m);
        });
        return engines;
    }

    /** The bean name of the DataSource, or null for one that is not a bean (built from {@code migrations.url}). */
    static @Nullable String dataSourceName(ListableBeanFactory beanFactory, DataSource dataSource) {
        for (Map.Entry<String, DataSource> entry :
                beanFactory.getBeansOfType(DataSource.class, false, false).entrySet()) {
            if (entry.getValue() == dataSource) {
                return entry.getKey();
            }
        }
        return null;
    }
}
