package dev.migrations.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Reports {@link MigrationsInitializer} beans as database initializers one batch after the engine
 * beans, so the initializer depends on the engine and everything using the database on both.
 */
final class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigrationsInitializer.class);
    }

    @Override
    public int getOrder() {
        return 2;
    }
}
