package dev.migrations.boot.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.MigrationsTenants;
import dev.migrations.Tenant;
import dev.migrations.boot.app.PostgresTenants;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code migrations.tenants.*} and a {@code MigrationsTenants} bean at startup, on real PostgreSQL schemas. */
class TenantsStartupTests {

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner(PostgresTenants tenants) throws Exception {
        return new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=" + PostgresTenants.URL,
                        "migrations.locations=" + PostgresTenants.revisions(tmp.resolve("revisions")),
                        "migrations.tenants.schemas=" + String.join(",", tenants.schemas),
                        "migrations.tenants.parallelism=4");
    }

    @Test
    void everyTenantIsMigratedBeforeTheApplicationIsReadyAndAFailedOneStopsOnlyItself() throws Exception {
        try (PostgresTenants tenants = new PostgresTenants(12)) {
            tenants.collideOnInvoice(tenants.name(5));
            runner(tenants).run(context -> {
                assertThat(context).hasNotFailed();
                Migrations migrations = context.getBean(Migrations.class);
                assertThat(migrations.tenants().status().counts())
                        .containsEntry("up to date", 11)
                        .containsEntry("failed", 1);
                assertThat(migrations.tenant(tenants.name(5)).current()).containsExactly("acc00001");
                assertThat(tenants.tables(tenants.name(11), "invoice")).isEqualTo(1);
                assertThat(tenants.tables("public", "account")).isZero();
            });
            runner(tenants)
                    .run(context -> assertThat(context.getBean(Migrations.class)
                                    .tenants()
                                    .upgrade("heads")
                                    .summary())
                            .startsWith("migrated 12 tenants: 11 up to date, 1 failed: " + tenants.name(5)
                                    + " (revision inv00002, statement CREATE TABLE invoice"));
        }
    }

    @Test
    void failFastFailsTheStartupWithTheSummary() throws Exception {
        try (PostgresTenants tenants = new PostgresTenants(3)) {
            tenants.collideOnInvoice(tenants.name(0));
            runner(tenants)
                    .withPropertyValues("migrations.tenants.fail-fast=true", "migrations.tenants.parallelism=1")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .hasMessageContaining("migrated 3 tenants: 2 not started, 1 failed: " + tenants.name(0)
                                        + " (revision inv00002")
                                .hasMessageContaining("fail-fast is set: the application does not start");
                    });
        }
    }

    @Test
    void aTenantsBeanReplacesTheListedSchemas() throws Exception {
        try (PostgresTenants tenants = new PostgresTenants(3)) {
            MigrationsTenants bean = () -> List.of(Tenant.schema(tenants.name(2)));
            runner(tenants).withBean(MigrationsTenants.class, () -> bean).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(tenants.tables(tenants.name(2), "invoice")).isEqualTo(1);
                assertThat(tenants.tables(tenants.name(0), "account")).isZero();
            });
        }
    }
}
