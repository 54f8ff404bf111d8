package dev.migrations.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With real Hibernate, Spring Data and a JdbcTemplate in one context, everything that uses the
 * database waits for the migration: their bean definitions depend on it and a repository query
 * made while the context starts sees the migrated table and its seed row.
 */
class MigrationOrderingTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jpaJdbcTemplateAndJdbcClientWaitForTheMigration(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, dir);
                ConfigurableApplicationContext context = start(db)) {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            for (String user : List.of("entityManagerFactory", "jdbcTemplate", "jdbcClient")) {
                assertThat(beans.getBeanDefinition(user).getDependsOn())
                        .as(user)
                        .contains("migrations", "migrationsInitializer");
            }
            assertThat(beans.getBeanDefinition("migrationsInitializer").getDependsOn())
                    .contains("migrations");
            StartupProbe probe = context.getBean(StartupProbe.class);
            assertThat(probe.namesSeenByRepository()).containsExactly("Ada Lovelace");
            assertThat(probe.emailsSeenByJdbc()).containsExactly((String) null);
            // No create-drop over the migrated schema: the provider reported it as managed.
            assertThat(context.getBean(EntityManagerFactory.class)
                            .getProperties()
                            .get("hibernate.hbm2ddl.auto"))
                    .isIn(null, "none");
        }
    }

    @Test
    void deferredDataSourceInitializationStillRunsHibernateFirst() throws Exception {
        try (TestDatabase db = TestDatabases.h2();
                ConfigurableApplicationContext context = start(db, "spring.jpa.defer-datasource-initialization=true")) {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            assertThat(beans.getBeanDefinition("migrations").getDependsOn()).contains("entityManagerFactory");
            assertThat(beans.getBeanDefinition("entityManagerFactory").getDependsOn())
                    .isNullOrEmpty();
            // Hibernate did not create-drop the schema; the migrations built it after Hibernate started.
            assertThat(context.getBean(EntityManagerFactory.class)
                            .getProperties()
                            .get("hibernate.hbm2ddl.auto"))
                    .isIn(null, "none");
            assertThat(context.getBean(dev.migrations.Migrations.class).current())
                    .containsExactly("b2f0c0de0002");
            assertThat(context.getBean(PersonRepository.class).count()).isEqualTo(1);
        }
    }

    static ConfigurableApplicationContext start(TestDatabase db, String... extra) {
        List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + db.url()));
        switch (db.kind()) {
            case H2 -> properties.add("spring.datasource.username=sa");
            case SQLITE -> properties.add("spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect");
            case POSTGRESQL -> {}
        }
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new))
                .run();
    }
}
