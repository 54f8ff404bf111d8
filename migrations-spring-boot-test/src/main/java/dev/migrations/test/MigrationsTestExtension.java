package dev.migrations.test;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.EntitySchemaCapture;
import dev.migrations.schema.SchemaSnapshot;
import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ClassUtils;

/**
 * Turns one {@link MigrationsTest} method into one test per check. Each check runs before the
 * method's body, against the {@code Migrations} beans of the Spring context the test class started.
 */
final class MigrationsTestExtension implements TestTemplateInvocationContextProvider {

    private static final boolean HIBERNATE_PRESENT = ClassUtils.isPresent(
            "org.hibernate.integrator.spi.Integrator", MigrationsTestExtension.class.getClassLoader());

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, MigrationsTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        MigrationsTest settings = AnnotationSupport.findAnnotation(
                        context.getRequiredTestMethod(), MigrationsTest.class)
                .orElseThrow();
        return Arrays.stream(settings.checks()).distinct().map(check -> new CheckInvocation(check, settings));
    }

    private record CheckInvocation(MigrationCheck check, MigrationsTest settings)
            implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return check.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of((BeforeTestExecutionCallback) context -> run(check, settings, context));
        }
    }

    static void run(MigrationCheck check, MigrationsTest settings, ExtensionContext context) {
        ApplicationContext spring = springContext(context);
        Map<String, Migrations> engines = engines(spring, settings);
        for (Map.Entry<String, Migrations> engine : engines.entrySet()) {
            MigrationChecks checks = new MigrationChecks(engine.getValue());
            if (engines.size() > 1) {
                checks = checks.named(engine.getKey());
            }
            switch (check) {
                case SINGLE_HEAD -> checks.heads(settings.heads());
                case LINT -> {
                    Assumptions.assumeTrue(
                            engine.getValue().lintSettings().enabled(),
                            "migrations.lint.enabled is false; leave LINT out of @MigrationsTest(checks = ...).");
                    checks.lint();
                }
                case UPGRADE_FROM_BASE -> checks.upgradeFromBase();
                case MODEL_MATCHES_SCHEMA -> checks.modelMatchesSchema(entities(spring));
                case STAIRWAY -> checks.stairway();
                case DOWNGRADE_LEAVES_NO_TRACE -> checks.downgradeLeavesNoTrace();
            }
        }
    }

    private static ApplicationContext springContext(ExtensionContext context) {
        boolean spring =
                AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(), ExtendWith.class).stream()
                        .anyMatch(e -> Arrays.asList(e.value()).contains(SpringExtension.class));
        if (!spring) {
            throw new IllegalStateException("@MigrationsTest checks the migrations of a Spring test's context, but "
                    + context.getRequiredTestClass().getName() + " is not a Spring test: annotate it with"
                    + " @SpringBootTest (or a slice such as @DataJpaTest or @JdbcTest), or call MigrationChecks"
                    + " directly.");
        }
        return SpringExtension.getApplicationContext(context);
    }

    private static Map<String, Migrations> engines(ApplicationContext spring, MigrationsTest settings) {
        Map<String, Migrations> all = spring.getBeansOfType(Migrations.class);
        if (all.isEmpty()) {
            throw new IllegalStateException("@MigrationsTest found no Migrations bean in the test's context: is"
                    + " migrations-spring-boot-starter on the classpath, a DataSource configured and"
                    + " migrations.enabled not false?");
        }
        if (settings.migrations().length == 0) {
            return all;
        }
        Map<String, Migrations> chosen = new LinkedHashMap<>();
        for (String name : settings.migrations()) {
            Migrations engine = all.get(name);
            if (engine == null) {
                throw new IllegalStateException("@MigrationsTest(migrations = \"" + name + "\"): the context has no"
                        + " Migrations bean of that name; it has " + all.keySet() + ".");
            }
            chosen.put(name, engine);
        }
        return chosen;
    }

    /** The entities' schema, from the capture the context customizer registered. */
    private static SchemaSnapshot entities(ApplicationContext spring) {
        SchemaSnapshot schema = null;
        if (HIBERNATE_PRESENT && spring.getBeanNamesForType(EntityManagerFactory.class).length > 0) {
            EntitySchemaCapture capture =
                    spring.getBeanProvider(EntitySchemaCapture.class).getIfAvailable();
            spring.getBeansOfType(EntityManagerFactory.class); // built by now, unless lazy initialization held it back
            schema = capture == null ? null : capture.schema();
        }
        Assumptions.assumeTrue(
                schema != null,
                "The test's context has no JPA entities to compare with the schema;"
                        + " leave MODEL_MATCHES_SCHEMA out of @MigrationsTest(checks = ...).");
        return schema;
    }
}
