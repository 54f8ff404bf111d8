package dev.migrations.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.lint.LintSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.EmbeddedDataSourceConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code migrations.lint.*}: the defaults are the engine's, and each property reaches the engine. */
class MigrationsLintPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
            .withUserConfiguration(EmbeddedDataSourceConfiguration.class)
            .withPropertyValues("spring.datasource.generate-unique-name=true", "migrations.mode=none");

    @Test
    void theDefaultsAreTheEngines() {
        assertThat(new MigrationsLintProperties().settings()).isEqualTo(LintSettings.DEFAULTS);
        runner.run(context ->
                assertThat(context.getBean(Migrations.class).lintSettings()).isEqualTo(LintSettings.DEFAULTS));
    }

    @Test
    void eachPropertyReachesTheEngine() {
        runner.withPropertyValues(
                        "migrations.lint.enabled=false",
                        "migrations.lint.rules.drop-column=off",
                        "migrations.lint.rules.index-not-concurrent=WARNING",
                        "migrations.lint.small-table-rows=500",
                        "migrations.lint.baseline=a1f0c0de0001",
                        "migrations.lint.trace-timeout=750ms")
                .run(context -> {
                    LintSettings settings = context.getBean(Migrations.class).lintSettings();
                    assertThat(settings.enabled()).isFalse();
                    assertThat(settings.rules())
                            .isEqualTo(Map.of(
                                    "drop-column", LintSettings.Level.OFF,
                                    "index-not-concurrent", LintSettings.Level.WARNING));
                    assertThat(settings.smallTableRows()).isEqualTo(500);
                    assertThat(settings.baseline()).isEqualTo("a1f0c0de0001");
                    assertThat(settings.traceTimeout()).isEqualTo(Duration.ofMillis(750));
                    assertThat(context.getBean(Migrations.class)
                                    .lintSinceBaseline()
                                    .revisions())
                            .extracting(r -> r.revision())
                            .containsExactly("b2f0c0de0002");
                });
    }
}
