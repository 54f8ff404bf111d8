package dev.migrations.boot.autoconfigure;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * At {@code process-aot}, contributes the index hints ({@link MigrationsIndexHints}) for the locations
 * the application is configured with ({@code migrations.locations}), which a static
 * {@code RuntimeHintsRegistrar} cannot know.
 */
final class MigrationsIndexAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
            return null;
        }
        Environment environment =
                beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, Environment.class);
        if (!environment.getProperty("migrations.enabled", Boolean.class, true)) {
            return null;
        }
        List<String> locations = Binder.get(environment)
                .bind("migrations.locations", Bindable.listOf(String.class))
                .orElse(List.of("classpath:db/migrations"));
        ClassLoader classLoader = beanFactory.getBeanClassLoader() != null
                ? beanFactory.getBeanClassLoader()
                : MigrationsIndexAotProcessor.class.getClassLoader();
        return (generationContext, code) ->
                MigrationsIndexHints.register(generationContext.getRuntimeHints(), classLoader, locations);
    }
}
