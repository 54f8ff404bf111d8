package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.MigrationsTenants;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.Assert;

/**
 * Registers, for every {@code migrations.instances.<name>}, an engine bean {@code <name>Migrations}
 * and (unless its mode is none) an initializer {@code <name>MigrationsInitializer}. Boot's database
 * initializer detection finds them by type, like the single instance's, so every JPA unit,
 * JdbcTemplate and JdbcClient waits for every instance's migration.
 */
final class MigrationsInstancesRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    static final String ENGINE_SUFFIX = "Migrations";

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    static Map<String, MigrationsInstanceProperties> instances(Environment environment) {
        return Binder.get(environment)
                .bind("migrations.instances", Bindable.mapOf(String.class, MigrationsInstanceProperties.class))
                .map(found -> (Map<String, MigrationsInstanceProperties>) new TreeMap<>(found))
                .orElse(Map.of());
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Assert.state(environment != null, "no environment");
        if (!Binder.get(environment).bind("migrations.enabled", Boolean.class).orElse(true)) {
            return;
        }
        ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
        // the top-level mode none turns every instance's startup off: what the command line sets
        boolean startup = Binder.get(environment)
                .bind("migrations.mode", MigrationsProperties.Mode.class)
                .map(mode -> mode != MigrationsProperties.Mode.NONE)
                .orElse(true);
        instances(environment).forEach((name, properties) -> {
            if (!properties.isEnabled()) {
                return;
            }
            String engineName = name + ENGINE_SUFFIX;
            registry.registerBeanDefinition(
                    engineName, new RootBeanDefinition(Migrations.class, () -> engine(name, properties, beanFactory)));
            if (startup && properties.getMode() != MigrationsProperties.Mode.NONE) {
                registry.registerBeanDefinition(
                        engineName + "Initializer",
                        new RootBeanDefinition(
                                MigrationsInitializer.class,
                                () -> new MigrationsInitializer(
                                        beanFactory.getBean(engineName, Migrations.class),
                                        StartupMigration.of(properties))));
            }
        });
    }

    private static Migrations engine(
            String name, MigrationsInstanceProperties properties, ConfigurableListableBeanFactory beanFactory) {
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        DataSource dataSource = dataSource(name, properties, beanFactory, classLoader);
        MigrationsConfiguration configuration = Migrations.configure().dataSource(dataSource);
        if (classLoader != null) {
            configuration.classLoader(classLoader);
        }
        MigrationsAutoConfiguration.EngineConfiguration.apply(properties, configuration, dataSource);
        String tenantsBean = name + "MigrationsTenants";
        MigrationsTenants tenants = beanFactory.containsBean(tenantsBean)
                ? beanFactory.getBean(tenantsBean, MigrationsTenants.class)
                : null;
        TenantsConfigurer.apply(properties, tenants, configuration, classLoader);
        beanFactory
                .getBeanProvider(MigrationsConfigurationCustomizer.class)
                .orderedStream()
                .forEach(customizer -> customizer.customize(configuration));
        return configuration.load();
    }

    /** The named bean, a bean named after the instance, the instance's own URL, or the single DataSource. */
    private static DataSource dataSource(
            String name,
            MigrationsInstanceProperties properties,
            ConfigurableListableBeanFactory beanFactory,
            @Nullable ClassLoader classLoader) {
        if (properties.getDataSource() != null) {
            return beanFactory.getBean(properties.getDataSource(), DataSource.class);
        }
        if (properties.getUrl() != null) {
            DataSourceBuilder<?> builder = DataSourceBuilder.create(classLoader)
                    .type(SimpleDriverDataSource.class)
                    .url(properties.getUrl());
            if (properties.getUser() != null) {
                builder.username(properties.getUser());
            }
            if (properties.getPassword() != null) {
                builder.password(properties.getPassword());
            }
            return builder.build();
        }
        if (beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, DataSource.class)) {
            return beanFactory.getBean(name, DataSource.class);
        }
        DataSource single = beanFactory.getBeanProvider(DataSource.class).getIfUnique();
        Assert.state(
                single != null,
                () -> "migrations.instances." + name + " has no DataSource: set migrations.instances." + name
                        + ".data-source to a DataSource bean's name, or migrations.instances." + name + ".url");
        return single;
    }

    /** The top-level keys make an instance of their own only when no named instance is configured. */
    static final class NoNamedInstances implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return instances(context.getEnvironment()).isEmpty();
        }
    }
}
