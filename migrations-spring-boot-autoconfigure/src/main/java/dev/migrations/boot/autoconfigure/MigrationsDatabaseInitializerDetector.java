package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Reports {@link Migrations} beans to Boot as database initializers. Order 1, after JPA's detector
 * (order 0): with {@code spring.jpa.defer-datasource-initialization=true} the EntityManagerFactory
 * is then an earlier batch that migrations wait for, instead of a later batch waiting for them
 * while they wait for it (a depends-on cycle).
 */
final class MigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(Migrations.class);
    }

    @Override
    public int getOrder() {
        return 1;
    }
}
