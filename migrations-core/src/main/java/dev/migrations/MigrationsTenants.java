package dev.migrations;

import java.util.List;

/**
 * Where an instance's tenants come from when a fixed list will not do: asked at every fan-out, so
 * it can read them from a tenants table. Names must be unique.
 */
@FunctionalInterface
public interface MigrationsTenants {

    List<Tenant> tenants();

    /** A fixed list of schema-per-tenant tenants. */
    static MigrationsTenants schemas(List<String> schemas) {
        List<Tenant> tenants = schemas.stream().map(Tenant::schema).toList();
        return () -> tenants;
    }
}
