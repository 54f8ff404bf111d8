package dev.migrations.boot.instances;

import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.sqlite.SQLiteDataSource;

/**
 * Two databases, each with its own JPA unit (Hibernate validating its tables as it starts, so a unit
 * created before its migration fails) and its own JdbcTemplate.
 */
@Configuration(proxyBeanMethods = false)
class TwoUnitsConfiguration {

    static final ThreadLocal<String> SQLITE_FILE = new ThreadLocal<>();

    @Bean
    DataSource ordersDataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:orders" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Bean
    DataSource inventory() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + SQLITE_FILE.get());
        return ds;
    }

    @Bean
    LocalContainerEntityManagerFactoryBean ordersEntityManagerFactory(
            @Qualifier("ordersDataSource") DataSource dataSource) {
        return unit(dataSource, "orders", "dev.migrations.boot.instances.orders", "org.hibernate.dialect.H2Dialect");
    }

    @Bean
    LocalContainerEntityManagerFactoryBean inventoryEntityManagerFactory(
            @Qualifier("inventory") DataSource dataSource) {
        return unit(
                dataSource,
                "inventory",
                "dev.migrations.boot.instances.inventory",
                "org.hibernate.community.dialect.SQLiteDialect");
    }

    @Bean
    JdbcTemplate ordersJdbcTemplate(@Qualifier("ordersDataSource") DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    JdbcTemplate inventoryJdbcTemplate(@Qualifier("inventory") DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    private static LocalContainerEntityManagerFactoryBean unit(
            DataSource dataSource, String name, String packageName, String dialect) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPersistenceUnitName(name);
        factory.setPackagesToScan(packageName);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "validate", "hibernate.dialect", dialect));
        return factory;
    }
}
