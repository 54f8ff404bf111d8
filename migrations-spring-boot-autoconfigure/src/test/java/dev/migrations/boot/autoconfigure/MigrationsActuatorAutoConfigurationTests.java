package dev.migrations.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.actuate.endpoint.MigrationsEndpoint;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.autoconfigure.EmbeddedDataSourceConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the endpoint, the health contributor and the meters exist, following Boot's own rules. */
class MigrationsActuatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MigrationsAutoConfiguration.class,
                    MigrationsEndpointAutoConfiguration.class,
                    MigrationsHealthContributorAutoConfiguration.class,
                    MigrationsObservabilityAutoConfiguration.class))
            .withUserConfiguration(EmbeddedDataSourceConfiguration.class)
            .withPropertyValues("migrations.locations=classpath:db/migrations", "migrations.mode=none")
            // as SpringApplication does, so that `access=none` binds leniently like in a real application
            .withInitializer(
                    context -> context.getEnvironment().setConversionService(new ApplicationConversionService()));

    @Test
    void endpointExistsOnlyWhenExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .run(context -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
        runner.withPropertyValues("management.endpoints.jmx.exposure.include=migrations", "spring.jmx.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
    }

    @Test
    void accessNoneRemovesTheEndpoint() {
        runner.withPropertyValues(
                        "management.endpoints.web.exposure.include=*", "management.endpoint.migrations.access=none")
                .run(context -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
    }

    @Test
    void noEngineMeansNoEndpointNorHealth() {
        runner.withPropertyValues("migrations.enabled=false", "management.endpoints.web.exposure.include=*")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(MigrationsEndpoint.class)
                        .doesNotHaveBean("migrationsHealthContributor"));
    }

    @Test
    void healthContributorFollowsItsEnabledProperty() {
        runner.run(context ->
                assertThat(context).hasSingleBean(HealthContributor.class).hasBean("migrationsHealthContributor"));
        runner.withPropertyValues("management.health.migrations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
    }

    @Test
    void endpointReportsEveryContextUpToTheRoot() {
        ApplicationContextRunner parentRunner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
                .withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.locations=classpath:db/migrations");
        parentRunner.run(parent -> new ApplicationContextRunner()
                .withParent(parent)
                .withBean(
                        "childMigrations",
                        dev.migrations.Migrations.class,
                        () -> parent.getBean(dev.migrations.Migrations.class))
                .run(child -> {
                    var contexts =
                            new MigrationsEndpoint(child).migrationsBeans().getContexts();
                    assertThat(contexts).containsOnlyKeys(child.getId(), parent.getId());
                    assertThat(contexts.get(child.getId()).getParentId()).isEqualTo(parent.getId());
                    assertThat(contexts.get(child.getId()).getMigrationsBeans()).containsOnlyKeys("childMigrations");
                    assertThat(contexts.get(parent.getId())
                                    .getMigrationsBeans()
                                    .get("migrations")
                                    .getUpToDate())
                            .isTrue();
                    assertThat(contexts.get(parent.getId()).getParentId()).isNull();
                }));
    }

    /**
     * Applications without actuator or Micrometer skip these classes in Boot's import filter, before
     * any of their annotations load: the generated metadata must carry the class guards.
     */
    @Test
    void importFilterMetadataGuardsEveryOptionalIntegration() throws Exception {
        Properties metadata = new Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
            metadata.load(in);
        }
        String prefix = "dev.migrations.boot.autoconfigure.";
        assertThat(metadata.getProperty(prefix + "MigrationsEndpointAutoConfiguration.ConditionalOnClass"))
                .contains(
                        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint");
        assertThat(metadata.getProperty(prefix + "MigrationsHealthContributorAutoConfiguration.ConditionalOnClass"))
                .contains(
                        "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator");
        assertThat(metadata.getProperty(prefix + "MigrationsObservabilityAutoConfiguration.ConditionalOnClass"))
                .contains(
                        "io.micrometer.core.instrument.MeterRegistry", "io.micrometer.observation.ObservationRegistry");
    }
}
