package dev.migrations.boot.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code migrations.instances.<name>}: two databases, each migrated before its own JPA unit and JdbcTemplate. */
class NamedInstancesTests {

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner() throws IOException {
        revision(tmp.resolve("orders"), "CREATE TABLE purchase_order (id INTEGER PRIMARY KEY, total INTEGER);");
        revision(tmp.resolve("inventory"), "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(100));");
        TwoUnitsConfiguration.SQLITE_FILE.set(tmp.resolve("inventory.db").toString());
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
                .withUserConfiguration(TwoUnitsConfiguration.class)
                .withPropertyValues(
                        "migrations.instances.orders.data-source=ordersDataSource",
                        "migrations.instances.orders.locations=filesystem:" + tmp.resolve("orders"),
                        "migrations.instances.inventory.locations=filesystem:" + tmp.resolve("inventory"),
                        "migrations.instances.inventory.history-table=inventory_history");
    }

    private static void revision(Path dir, String upgrade) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("001_first.sql"),
                "-- revision: " + dir.getFileName() + "0001\n-- message: first\n\n-- +upgrade\n" + upgrade
                        + "\n\n-- +downgrade\nSELECT 1;\n");
    }

    @Test
    void eachInstanceMigratesItsOwnDatabaseBeforeItsJpaUnitAndJdbcTemplate() throws Exception {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(Migrations.class))
                    .containsOnlyKeys("ordersMigrations", "inventoryMigrations");
            assertThat(context.getBeansOfType(MigrationsInitializer.class))
                    .containsOnlyKeys("ordersMigrationsInitializer", "inventoryMigrationsInitializer");
            JdbcTemplate orders = context.getBean("ordersJdbcTemplate", JdbcTemplate.class);
            JdbcTemplate inventory = context.getBean("inventoryJdbcTemplate", JdbcTemplate.class);
            assertThat(orders.queryForObject("SELECT COUNT(*) FROM purchase_order", Integer.class))
                    .isZero();
            assertThat(inventory.queryForObject("SELECT COUNT(*) FROM item", Integer.class))
                    .isZero();
            assertThat(context.getBean("ordersMigrations", Migrations.class).current())
                    .containsExactly("orders0001");
            assertThat(context.getBean("inventoryMigrations", Migrations.class).ownTables())
                    .containsExactly("migrations_version", "inventory_history");
            assertThat(inventory.queryForObject(
                            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'purchase_order'", Integer.class))
                    .isZero();
            for (String unit : new String[] {"&ordersEntityManagerFactory", "&inventoryEntityManagerFactory"}) {
                assertThat(context.getBeanFactory()
                                .getBeanDefinition(unit.substring(1))
                                .getDependsOn())
                        .contains("ordersMigrationsInitializer", "inventoryMigrationsInitializer");
            }
        });
    }

    @Test
    void anInstanceInModeNoneMigratesNothingSoItsJpaUnitFindsNoTable() throws Exception {
        runner().withPropertyValues("migrations.instances.inventory.mode=none").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("item");
        });
    }
}
