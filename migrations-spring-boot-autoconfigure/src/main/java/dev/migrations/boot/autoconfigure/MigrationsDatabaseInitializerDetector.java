package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/** Reports {@link Migrations} beans to Boot as database initializers (the first batch). */
final class MigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(Migrations.class);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
