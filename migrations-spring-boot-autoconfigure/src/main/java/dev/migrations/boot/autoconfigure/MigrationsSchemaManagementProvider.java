package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import javax.sql.DataSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Hibernate that a DataSource's schema is managed by migrations, so that its ddl-auto default
 * on an embedded database is {@code none} rather than {@code create-drop}.
 */
final class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<Migrations> migrations;

    MigrationsSchemaManagementProvider(ObjectProvider<Migrations> migrations) {
        this.migrations = migrations;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        try {
            return migrations.stream().anyMatch(m -> dataSource.equals(m.dataSource()))
                    ? SchemaManagement.MANAGED
                    : SchemaManagement.UNMANAGED;
        } catch (BeansException e) {
            if (e.contains(BeanCurrentlyInCreationException.class)) {
                // spring.jpa.defer-datasource-initialization: the engine waits for the EntityManagerFactory
                // that is asking. The migrations will build the schema, so Hibernate must not create-drop it.
                return SchemaManagement.MANAGED;
            }
            throw e;
        }
    }
}
