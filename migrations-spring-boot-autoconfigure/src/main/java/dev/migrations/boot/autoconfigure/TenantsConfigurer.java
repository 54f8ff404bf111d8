package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationsConfiguration;
import dev.migrations.MigrationsTenants;
import dev.migrations.Tenant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Hands an instance's {@code tenants.*} properties, or its tenants bean, to the engine. */
final class TenantsConfigurer {

    private TenantsConfigurer() {}

    static void apply(
            MigrationsProperties properties,
            @Nullable MigrationsTenants bean,
            MigrationsConfiguration configuration,
            @Nullable ClassLoader classLoader) {
        MigrationsTenantsProperties tenants = properties.getTenants();
        configuration.tenantParallelism(tenants.getParallelism());
        configuration.tenantFailFast(tenants.isFailFast());
        if (bean != null) {
            configuration.tenants(bean);
        } else if (tenants.listed()) {
            List<Tenant> listed = new ArrayList<>();
            tenants.getSchemas().forEach(schema -> listed.add(Tenant.schema(schema)));
            tenants.getUrls()
                    .forEach((name, url) -> listed.add(Tenant.database(name, open(url, properties, classLoader))));
            List<Tenant> fixed = List.copyOf(listed);
            configuration.tenants(() -> fixed);
        }
    }

    private static DataSource open(String url, MigrationsProperties properties, @Nullable ClassLoader classLoader) {
        DataSourceBuilder<?> builder = DataSourceBuilder.create(classLoader)
                .type(SimpleDriverDataSource.class)
                .url(url);
        if (properties.getUser() != null) {
            builder.username(properties.getUser());
        }
        if (properties.getPassword() != null) {
            builder.password(properties.getPassword());
        }
        return builder.build();
    }
}
