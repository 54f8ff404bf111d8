package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import dev.migrations.MigrationsTenants;
import dev.migrations.api.Migration;
import dev.migrations.autogenerate.hibernate.HibernateSchema;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.Platforms;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.Assert;

/**
 * Migrates the application's database on startup, before anything else uses it: Boot's database
 * initializer detection makes JPA, JdbcTemplate, JdbcClient and jOOQ beans depend on the
 * {@link MigrationsInitializer}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrations.class)
@Conditional(MigrationsAutoConfiguration.MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(MigrationsAutoConfiguration.MigrationsRuntimeHints.class)
public final class MigrationsAutoConfiguration {

    /** Present even when the user defines the engine bean, so Hibernate never create-drops a migrated schema. */
    @Bean
    MigrationsSchemaManagementProvider migrationsDefaultDdlModeProvider(ObjectProvider<Migrations> migrations) {
        return new MigrationsSchemaManagementProvider(migrations);
    }

    /** One engine and initializer per {@code migrations.instances.<name>}. */
    @Bean
    static MigrationsInstancesRegistrar migrationsInstancesRegistrar() {
        return new MigrationsInstancesRegistrar();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcUtils.class)
    @ConditionalOnMissingBean(Migrations.class)
    @Conditional(MigrationsInstancesRegistrar.NoNamedInstances.class)
    @EnableConfigurationProperties(MigrationsProperties.class)
    static class EngineConfiguration {

        @Bean
        @ConditionalOnMissingBean(MigrationsConnectionDetails.class)
        PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
            return new PropertiesMigrationsConnectionDetails(properties);
        }

        @Bean
        Migrations migrations(
                MigrationsProperties properties,
                MigrationsConnectionDetails connectionDetails,
                ResourceLoader resourceLoader,
                ObjectProvider<DataSource> dataSource,
                @MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
                ObjectProvider<MigrationsConfigurationCustomizer> customizers,
                ObjectProvider<Migration> javaMigrations,
                ObjectProvider<MigrationsTenants> tenants) {
            ClassLoader classLoader = resourceLoader.getClassLoader();
            DataSource target = migrationDataSource(connectionDetails, dataSource, migrationsDataSource, classLoader);
            dev.migrations.MigrationsConfiguration configuration =
                    Migrations.configure().dataSource(target);
            if (classLoader != null) {
                configuration.classLoader(classLoader);
            }
            apply(properties, configuration, target);
            TenantsConfigurer.apply(properties, tenants.getIfUnique(), configuration, classLoader);
            configuration.javaMigrations(javaMigrations.orderedStream().toArray(Migration[]::new));
            customizers.orderedStream().forEach(customizer -> customizer.customize(configuration));
            return configuration.load();
        }

        @Bean
        @ConditionalOnMissingBean
        @Conditional(OnStartupModeCondition.class)
        MigrationsInitializer migrationsInitializer(
                Migrations migrations, MigrationsProperties properties, ObjectProvider<MigrationStrategy> strategy) {
            MigrationStrategy startup = strategy.getIfAvailable(() -> StartupMigration.of(properties));
            return new MigrationsInitializer(migrations, startup);
        }

        static void apply(
                MigrationsProperties properties,
                dev.migrations.MigrationsConfiguration configuration,
                DataSource dataSource) {
            PropertyMapper map = PropertyMapper.get();
            map.from(locations(properties.getLocations(), dataSource)).to(l -> configuration.locations(l));
            map.from(properties.getVersionTable()).to(configuration::versionTable);
            map.from(properties.getHistoryTable()).to(configuration::historyTable);
            map.from(properties.getSchema()).to(configuration::schema);
            map.from(properties.getLockWaitTimeout()).to(configuration::lockWaitTimeout);
            map.from(properties.getDeadHolder()).to(configuration::deadHolder);
            map.from(properties.getDdlLockTimeout()).to(configuration::ddlLockTimeout);
            map.from(properties.getDdlLockRetries()).to(configuration::ddlLockRetries);
            map.from(properties.isDdlOnlineDefaults()).to(configuration::ddlOnlineDefaults);
            map.from(properties.isValidateChecksums()).to(configuration::validateChecksums);
            MigrationsProperties.Generate generate = properties.getGenerate();
            map.from(generate.getSourceDirectory()).to(configuration::generatedSourceDirectory);
            map.from(generate.getSqlDirectory()).to(configuration::generatedSqlDirectory);
            map.from(generate.getPackageName()).to(configuration::generatedPackage);
            map.from(generate.getFormat()).to(configuration::generatedFormat);
            map.from(generate.getFileTemplate()).to(configuration::fileTemplate);
            configuration.lint(properties.getLint().settings());
        }

        /** The locations with {@code {vendor}} replaced by the database's id (postgresql, h2, sqlite...). */
        private static String[] locations(List<String> locations, DataSource dataSource) {
            if (locations.stream().noneMatch(l -> l.contains("{vendor}"))) {
                return locations.toArray(String[]::new);
            }
            String vendor = vendor(dataSource);
            return locations.stream().map(l -> l.replace("{vendor}", vendor)).toArray(String[]::new);
        }

        /** The engine's id for the database ({@code postgresql}, {@code sqlite}, {@code h2}...), else Boot's. */
        private static String vendor(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                Optional<DatabasePlatform> platform = Platforms.find(connection);
                if (platform.isPresent()) {
                    return platform.get().id();
                }
                String url = connection.getMetaData().getURL();
                DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
                Assert.state(
                        driver != DatabaseDriver.UNKNOWN,
                        () -> "Unable to resolve {vendor} in migrations.locations for the database at " + url);
                return driver.getId();
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Unable to resolve {vendor} in migrations.locations: " + e.getMessage(), e);
            }
        }

        /** Boot's precedence: the qualified DataSource, a URL of its own, a user override, the main one. */
        private static DataSource migrationDataSource(
                MigrationsConnectionDetails details,
                ObjectProvider<DataSource> dataSource,
                ObjectProvider<DataSource> migrationsDataSource,
                @Nullable ClassLoader classLoader) {
            DataSource qualified = migrationsDataSource.getIfAvailable();
            if (qualified != null) {
                return qualified;
            }
            String url = details.getJdbcUrl();
            if (url != null) {
                DataSourceBuilder<?> builder = DataSourceBuilder.create(classLoader)
                        .type(SimpleDriverDataSource.class)
                        .url(url);
                return withCredentials(builder, details).build();
            }
            DataSource main = dataSource.getIfUnique();
            if (details.getUsername() != null && main != null) {
                DataSourceBuilder<?> builder =
                        DataSourceBuilder.derivedFrom(main).type(SimpleDriverDataSource.class);
                return withCredentials(builder, details).build();
            }
            Assert.state(
                    main != null,
                    "Migrations DataSource missing: define one DataSource (or mark one @Primary),"
                            + " qualify one with @MigrationsDataSource, or set migrations.url");
            return main;
        }

        private static DataSourceBuilder<?> withCredentials(
                DataSourceBuilder<?> builder, MigrationsConnectionDetails details) {
            PropertyMapper map = PropertyMapper.get();
            map.from(details.getUsername()).to(builder::username);
            map.from(details.getPassword()).to(builder::password);
            map.from(details.getDriverClassName()).to(builder::driverClassName);
            return builder;
        }
    }

    /**
     * For {@code check} and {@code revision --autogenerate} only: registers the integrator that takes
     * the entities' schema from the application's own Hibernate bootstrap.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HibernatePropertiesCustomizer.class, IntegratorProvider.class, HibernateSchema.class})
    @ConditionalOnBooleanProperty(EntitySchemaCapture.ENABLED)
    static class EntitySchemaConfiguration {

        @Bean
        EntitySchemaCapture migrationsEntitySchemaCapture() {
            return new EntitySchemaCapture();
        }

        @Bean
        HibernatePropertiesCustomizer migrationsEntitySchemaCustomizer(EntitySchemaCapture capture) {
            return properties -> {
                Object existing = properties.get(JpaSettings.INTEGRATOR_PROVIDER);
                properties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> {
                    List<Integrator> integrators =
                            new ArrayList<>(providerOf(existing).getIntegrators());
                    integrators.add(capture);
                    return integrators;
                });
            };
        }

        /** The application's own provider, as an instance, a class or a class name. */
        private static IntegratorProvider providerOf(@Nullable Object existing) {
            if (existing == null) {
                return List::of;
            }
            if (existing instanceof IntegratorProvider provider) {
                return provider;
            }
            try {
                Class<?> type = existing instanceof Class<?> c ? c : Class.forName(existing.toString());
                return (IntegratorProvider) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create the integrator provider " + existing, e);
            }
        }
    }

    /** A DataSource bean, JDBC connection details, or a URL of the migrations' own. */
    static final class MigrationsDataSourceCondition extends AnyNestedCondition {

        MigrationsDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {}

        @ConditionalOnBean(JdbcConnectionDetails.class)
        private static final class JdbcConnectionDetailsCondition {}

        @ConditionalOnProperty("migrations.url")
        private static final class MigrationsUrlCondition {}
    }

    /**
     * Keeps the default location's revisions in a native image: exactly what its index lists, or the
     * whole folder without one. Configured locations get theirs from {@link MigrationsIndexAotProcessor}.
     */
    static final class MigrationsRuntimeHints implements RuntimeHintsRegistrar {

        @Override
        public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
            MigrationsIndexHints.register(
                    hints,
                    classLoader != null ? classLoader : MigrationsRuntimeHints.class.getClassLoader(),
                    List.of("classpath:db/migrations"));
        }
    }
}
