package dev.migrations.boot.actuate.metrics;

import dev.migrations.Migrations;
import dev.migrations.TenantRun;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@code migrations.tenants.behind} gauge per engine with tenants (tag {@code datasource}): the
 * tenants not at the heads, failed ones included. Each reading reads every tenant's version table,
 * on the tenants' pool and without a lock; an unreadable source of tenants reads as NaN.
 */
public class MigrationsTenantsMeterBinder implements MeterBinder {

    public static final String BEHIND_GAUGE = "migrations.tenants.behind";

    private final Supplier<Map<String, Migrations>> enginesByDataSource;

    public MigrationsTenantsMeterBinder(Supplier<Map<String, Migrations>> enginesByDataSource) {
        this.enginesByDataSource = enginesByDataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        enginesByDataSource.get().forEach((dataSource, migrations) -> {
            if (migrations.tenants().configured()) {
                Gauge.builder(BEHIND_GAUGE, migrations, MigrationsTenantsMeterBinder::behind)
                        .description("Tenants not at the heads of the revision graph, failed ones included")
                        .tag("datasource", dataSource)
                        .register(registry);
            }
        });
    }

    private static double behind(Migrations migrations) {
        try {
            TenantRun<?> run = migrations.tenants().status();
            return run.results().size() - run.counts().getOrDefault("up to date", 0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
