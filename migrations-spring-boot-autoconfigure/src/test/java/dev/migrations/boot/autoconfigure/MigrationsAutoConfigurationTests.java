package dev.migrations.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import db.migrations.Rev20261121_0905_b2f0c0de0002_add_person_email;
import dev.migrations.Migrations;
import dev.migrations.api.DeadHolderPolicy;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.api.Revision;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.EmbeddedDataSourceConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Each condition of the auto-configuration, against real in-memory H2 databases. */
class MigrationsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true");

    @Test
    void backsOffWithoutDataSource() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(Migrations.class)
                .doesNotHaveBean(MigrationsSchemaManagementProvider.class));
    }

    @Test
    void backsOffWithoutTheEngine() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withClassLoader(new FilteredClassLoader(Migrations.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(Migrations.class)
                        .doesNotHaveBean(MigrationsSchemaManagementProvider.class));
    }

    @Test
    void backsOffWithoutSpringJdbc() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withClassLoader(new FilteredClassLoader("org.springframework.jdbc"))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(Migrations.class)
                        .doesNotHaveBean(MigrationsInitializer.class));
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Migrations.class);
                    assertThat(tables(context.getBean(DataSource.class))).doesNotContain("PERSON");
                });
    }

    @Test
    void migratesTheDataSourceOnStartupWithJavaAndSqlRevisions() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class).run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(Migrations.class)
                    .hasSingleBean(MigrationsInitializer.class);
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(context.getBean(Migrations.class).dataSource()).isSameAs(dataSource);
            assertThat(tables(dataSource)).contains("PERSON", "MIGRATIONS_VERSION", "MIGRATIONS_HISTORY");
            assertThat(columns(dataSource, "PERSON")).contains("EMAIL");
            assertThat(context.getBean(Migrations.class).current()).containsExactly("b2f0c0de0002");
        });
    }

    @Test
    void propertiesReachTheEngine() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues(
                        "migrations.version-table=app_version",
                        "migrations.history-table=app_history",
                        "migrations.target=a1f0c0de0001")
                .run(context -> {
                    assertThat(tables(context.getBean(DataSource.class)))
                            .contains("APP_VERSION", "APP_HISTORY")
                            .doesNotContain("MIGRATIONS_VERSION");
                    assertThat(context.getBean(Migrations.class).current()).containsExactly("a1f0c0de0001");
                });
    }

    @Test
    void bindsTheLockSettings() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues(
                        "migrations.dead-holder=terminate",
                        "migrations.lock-wait-timeout=45",
                        "migrations.ddl-online-defaults=false")
                .run(context -> {
                    MigrationsProperties properties = context.getBean(MigrationsProperties.class);
                    assertThat(properties.getDeadHolder()).isEqualTo(DeadHolderPolicy.TERMINATE);
                    assertThat(properties.getLockWaitTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(properties.isDdlOnlineDefaults()).isFalse();
                    assertThat(new MigrationsProperties().isDdlOnlineDefaults()).isTrue();
                });
    }

    @Test
    void resolvesTheVendorPlaceholder() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.locations=classpath:db/vendor/{vendor}")
                .run(context ->
                        assertThat(tables(context.getBean(DataSource.class))).contains("H2_ONLY"));
    }

    @Test
    void modeNoneLeavesTheDatabaseAlone() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.mode=none")
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(Migrations.class)
                            .doesNotHaveBean(MigrationsInitializer.class);
                    assertThat(tables(context.getBean(DataSource.class))).doesNotContain("PERSON");
                });
    }

    @Test
    void validateModeRefusesAPendingDatabaseAndPassesAMigratedOne() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.mode=validate")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(MigrationsException.class)
                            .hasMessageContaining("2 revision(s) pending: a1f0c0de0001, b2f0c0de0002");
                });
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("spring.datasource.generate-unique-name=false", "spring.datasource.name=validated")
                .run(migrated -> {
                    assertThat(migrated).hasNotFailed();
                    // A second context on the same database boots fine in validate mode.
                    runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                            .withPropertyValues(
                                    "spring.datasource.generate-unique-name=false",
                                    "spring.datasource.name=validated",
                                    "migrations.mode=validate")
                            .run(replica ->
                                    assertThat(replica).hasNotFailed().hasSingleBean(MigrationsInitializer.class));
                });
    }

    @Test
    void userDefinedEngineWinsAndIsNotMigratedAutomatically() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class, CustomEngine.class)
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(Migrations.class)
                            .hasBean("customMigrations")
                            .doesNotHaveBean(MigrationsInitializer.class)
                            .hasSingleBean(MigrationsSchemaManagementProvider.class);
                    assertThat(tables(context.getBean(DataSource.class))).doesNotContain("PERSON");
                });
    }

    @Test
    void userDefinedInitializerWins() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class, CustomInitializer.class)
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(MigrationsInitializer.class)
                            .hasBean("customInitializer");
                    assertThat(context.getBean(Migrations.class).current()).containsExactly("a1f0c0de0001");
                });
    }

    @Test
    void strategyBeanReplacesTheStartupUpgrade() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withBean(MigrationStrategy.class, () -> m -> m.stamp(List.of("a1f0c0de0001"), false))
                .run(context -> {
                    assertThat(context.getBean(Migrations.class).current()).containsExactly("a1f0c0de0001");
                    assertThat(tables(context.getBean(DataSource.class))).doesNotContain("PERSON");
                });
    }

    @Test
    void customizersRunInOrderAfterTheProperties() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class, Customizers.class)
                .withPropertyValues("migrations.version-table=from_properties")
                .run(context -> assertThat(tables(context.getBean(DataSource.class)))
                        .contains("SECOND_CUSTOMIZER")
                        .doesNotContain("FROM_PROPERTIES", "FIRST_CUSTOMIZER"));
    }

    @Test
    void migrationBeansJoinTheGraph() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withBean(BeanMigration.class, () -> new BeanMigration("bean_made"))
                .run(context -> {
                    assertThat(context.getBean(Migrations.class).current()).containsExactly("c3bea0000003");
                    assertThat(tables(context.getBean(DataSource.class))).contains("BEAN_MADE");
                });
    }

    /** A scanned SQL script whose parent is a revision given in code: the graph joins them, in order. */
    @Test
    void aSqlScriptCanBuildOnARevisionAMigrationBeanMakes() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.locations=classpath:db/migrations,classpath:db/afterbean")
                .withBean(BeanMigration.class, () -> new BeanMigration("bean_made"))
                .run(context -> {
                    Migrations migrations = context.getBean(Migrations.class);
                    assertThat(migrations.current()).containsExactly("d4afbea00004");
                    assertThat(migrations.appliedHistory())
                            .extracting(row -> row.revision())
                            .containsExactly("a1f0c0de0001", "b2f0c0de0002", "c3bea0000003", "d4afbea00004");
                    assertThat(tables(context.getBean(DataSource.class))).contains("BEAN_MADE", "AFTER_BEAN");
                    migrations.downgrade("-1");
                    assertThat(migrations.current()).containsExactly("c3bea0000003");
                    assertThat(tables(context.getBean(DataSource.class)))
                            .contains("BEAN_MADE")
                            .doesNotContain("AFTER_BEAN");
                });
    }

    @Test
    void aBeanOfAScannedMigrationClassIsOneRevisionNotTwo() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withBean(Rev20261121_0905_b2f0c0de0002_add_person_email.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Migrations.class).current()).containsExactly("b2f0c0de0002");
                });
    }

    @Test
    void qualifiedDataSourceIsMigratedInsteadOfThePrimaryOne() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).hasNotFailed();
            DataSource primary = context.getBean("primaryDataSource", DataSource.class);
            DataSource ddl = context.getBean("ddlDataSource", DataSource.class);
            assertThat(context.getBean(Migrations.class).dataSource()).isSameAs(ddl);
            assertThat(tables(ddl)).contains("PERSON");
            assertThat(tables(primary)).doesNotContain("PERSON");
            SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(ddl)).isEqualTo(SchemaManagement.MANAGED);
            assertThat(provider.getSchemaManagement(primary)).isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @Test
    void urlPropertyGivesMigrationsTheirOwnConnection() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.url=jdbc:h2:mem:url_override;DB_CLOSE_DELAY=-1", "migrations.user=sa")
                .run(context -> {
                    DataSource own = context.getBean(Migrations.class).dataSource();
                    assertThat(own).isInstanceOf(SimpleDriverDataSource.class);
                    assertThat(((SimpleDriverDataSource) own).getUrl())
                            .isEqualTo("jdbc:h2:mem:url_override;DB_CLOSE_DELAY=-1");
                    assertThat(tables(own)).contains("PERSON");
                    assertThat(tables(context.getBean(DataSource.class))).doesNotContain("PERSON");
                });
    }

    @Test
    void urlPropertyAloneIsEnoughWithoutADataSource() {
        runner.withPropertyValues("migrations.url=jdbc:h2:mem:url_only;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Migrations.class);
                    assertThat(tables(context.getBean(Migrations.class).dataSource()))
                            .contains("PERSON");
                });
    }

    @Test
    void userPropertyDerivesAConnectionFromTheMainDataSource() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.user=migrator", "migrations.password=secret", "migrations.mode=none")
                .run(context -> {
                    SimpleDriverDataSource own = (SimpleDriverDataSource)
                            context.getBean(Migrations.class).dataSource();
                    assertThat(own.getUsername()).isEqualTo("migrator");
                    assertThat(own.getPassword()).isEqualTo("secret");
                    assertThat(own.getUrl()).startsWith("jdbc:h2:mem:");
                });
    }

    @Test
    void connectionDetailsBeanWinsOverProperties() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
                .withPropertyValues("migrations.url=jdbc:h2:mem:from_properties;DB_CLOSE_DELAY=-1")
                .withBean(
                        MigrationsConnectionDetails.class,
                        () -> new Details("jdbc:h2:mem:from_details;DB_CLOSE_DELAY=-1"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PropertiesMigrationsConnectionDetails.class);
                    SimpleDriverDataSource own = (SimpleDriverDataSource)
                            context.getBean(Migrations.class).dataSource();
                    assertThat(own.getUrl()).isEqualTo("jdbc:h2:mem:from_details;DB_CLOSE_DELAY=-1");
                    assertThat(tables(own)).contains("PERSON");
                });
    }

    @Test
    void propertiesWinOverTheApplicationsJdbcConnectionDetails() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:app_db;DB_CLOSE_DELAY=-1",
                        "migrations.url=jdbc:h2:mem:own_db;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(((SimpleDriverDataSource)
                                            context.getBean(Migrations.class).dataSource())
                                    .getUrl())
                            .isEqualTo("jdbc:h2:mem:own_db;DB_CLOSE_DELAY=-1");
                    assertThat(tables(context.getBean(DataSource.class))).doesNotContain("PERSON");
                });
    }

    @Test
    void schemaManagementProviderAnswersManagedOnlyForTheMigratedDataSource() {
        runner.withUserConfiguration(EmbeddedDataSourceConfiguration.class).run(context -> {
            SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
                    .isEqualTo(SchemaManagement.MANAGED);
            DataSource other =
                    DataSourceBuilder.create().url("jdbc:h2:mem:unrelated").build();
            assertThat(provider.getSchemaManagement(other)).isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @Test
    void aFailedRevisionStopsStartupAndLeavesTheLastGoodRevision() {
        // DB_CLOSE_DELAY keeps the in-memory database after the failed context is closed.
        DataSource database = DataSourceBuilder.create()
                .type(SimpleDriverDataSource.class)
                .url("jdbc:h2:mem:broken;DB_CLOSE_DELAY=-1")
                .username("sa")
                .build();
        runner.withBean(DataSource.class, () -> database)
                .withPropertyValues("migrations.locations=classpath:db/broken")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("NO_SUCH_TABLE");
                });
        assertThat(new JdbcTemplate(database)
                        .queryForList("SELECT version_num FROM \"migrations_version\"", String.class))
                .containsExactly("good0001");
        assertThat(tables(database)).contains("KEPT");
        // H2 commits DDL as it runs, so the failure is recorded rather than the table rolled back.
        assertThat(new JdbcTemplate(database)
                        .queryForList(
                                "SELECT revision FROM \"migrations_history\" WHERE NOT" + " success", String.class))
                .containsExactly("bad0002");
    }

    /** Table names upper-cased: H2 keeps the engine's quoted lower-case names as they were written. */
    static List<String> tables(DataSource dataSource) {
        return new JdbcTemplate(dataSource)
                .queryForList(
                        "SELECT UPPER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'",
                        String.class);
    }

    static List<String> columns(DataSource dataSource, String table) {
        return new JdbcTemplate(dataSource)
                .queryForList(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", String.class, table);
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomEngine {

        @Bean
        Migrations customMigrations(DataSource dataSource) {
            return Migrations.configure().dataSource(dataSource).load();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomInitializer {

        @Bean
        MigrationsInitializer customInitializer(Migrations migrations) {
            return new MigrationsInitializer(migrations, m -> m.upgrade("a1f0c0de0001"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        MigrationsConfigurationCustomizer second() {
            return c -> c.versionTable("second_customizer");
        }

        @Bean
        @Order(1)
        MigrationsConfigurationCustomizer first() {
            return c -> c.versionTable("first_customizer");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        @Primary
        DataSource primaryDataSource() {
            return DataSourceBuilder.create()
                    .url("jdbc:h2:mem:primary_" + System.nanoTime())
                    .username("sa")
                    .build();
        }

        @Bean
        @MigrationsDataSource
        DataSource ddlDataSource() {
            return DataSourceBuilder.create()
                    .url("jdbc:h2:mem:ddl_" + System.nanoTime())
                    .username("sa")
                    .build();
        }
    }

    /** A migration with a constructor argument: only possible as a bean. */
    @Revision(id = "c3bea0000003", down = "b2f0c0de0002", message = "made by a bean")
    static final class BeanMigration implements ReversibleMigration {

        private final String table;

        BeanMigration(String table) {
            this.table = table;
        }

        @Override
        public void upgrade(Ops ops) {
            ops.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY)");
        }
    }

    record Details(String url) implements MigrationsConnectionDetails {

        @Override
        public @Nullable String getUsername() {
            return "sa";
        }

        @Override
        public @Nullable String getPassword() {
            return null;
        }

        @Override
        public @Nullable String getJdbcUrl() {
            return url;
        }
    }
}
