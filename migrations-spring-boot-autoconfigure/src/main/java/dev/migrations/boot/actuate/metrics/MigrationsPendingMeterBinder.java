package dev.migrations.boot.actuate.metrics;

import dev.migrations.Migrations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@code migrations.pending} gauge per engine (tag {@code datasource}): the revisions an upgrade
 * to heads would run. Each reading asks the database, without a lock; an unreadable database reads
 * as NaN rather than failing the scrape.
 */
public class MigrationsPendingMeterBinder implements MeterBinder {

    public static final String PENDING_GAUGE = "migrations.pending";

    private final Supplier<Map<String, Migrations>> enginesByDataSource;

    /**
     * @param enginesByDataSource each engine keyed by the name of the DataSource it migrates, asked
     *     when the registry binds, after every singleton exists
     */
    public MigrationsPendingMeterBinder(Supplier<Map<String, Migrations>> enginesByDataSource) {
        this.enginesByDataSource = enginesByDataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        enginesByDataSource.get().entrySet().stream()
                .filter(e -> !e.getValue().tenants().configured()) // their tenants have a gauge of their own
                .forEach(e -> Gauge.builder(PENDING_GAUGE, e.getValue(), MigrationsPendingMeterBinder::pending)
                        .description("Revisions not yet applied that an upgrade to heads would run")
                        .tag("datasource", e.getKey())
                        .register(registry));
    }

    private static double pending(Migrations migrations) {
        try {
            return migrations.validate().pending().size();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
