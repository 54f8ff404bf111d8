package dev.migrations.test;

import dev.migrations.boot.autoconfigure.EntitySchemaCapture;
import java.util.List;
import java.util.Map;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Prepares the context of a test class that has a {@link MigrationsTest} method: Hibernate's mapping
 * model is captured for the model check, and Hibernate leaves the schema to the migrations (with
 * {@code ddl-auto} creating tables, the checks would test Hibernate's DDL instead).
 */
final class MigrationsTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean checks = !AnnotationSupport.findAnnotatedMethods(
                        testClass, MigrationsTest.class, HierarchyTraversalMode.TOP_DOWN)
                .isEmpty();
        return checks ? new ChecksCustomizer() : null;
    }

    /** A record without state: every test class with checks shares one cached context configuration. */
    private record ChecksCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "migrationsTest",
                            Map.of(EntitySchemaCapture.ENABLED, "true", "spring.jpa.hibernate.ddl-auto", "none")));
        }
    }
}
