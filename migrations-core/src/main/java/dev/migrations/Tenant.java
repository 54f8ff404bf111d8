package dev.migrations;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * One target of a tenant fan-out: the same revision graph applied to a schema of the instance's
 * database, or to a database of its own. Each tenant keeps its own version and history tables
 * (in its schema, or in its database) and has its own migration lock.
 *
 * @param name what reports, the command line and {@link Migrations#tenant(String)} call it
 * @param schema the schema that holds the tenant's tables, entered on every connection; null for a
 *     database-per-tenant tenant
 * @param dataSource the tenant's own database, or null to use the instance's DataSource
 */
public record Tenant(String name, String schema, DataSource dataSource) {

    public Tenant {
        Objects.requireNonNull(name, "a tenant needs a name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tenant needs a name");
        }
        if (schema == null && dataSource == null) {
            throw new IllegalArgumentException("Tenant " + name + " needs a schema or a DataSource of its own.");
        }
    }

    /** A schema-per-tenant tenant whose schema is its name. */
    public static Tenant schema(String name) {
        return new Tenant(name, name, null);
    }

    /** A database-per-tenant tenant (one SQLite file, one database on a server). */
    public static Tenant database(String name, DataSource dataSource) {
        return new Tenant(name, null, Objects.requireNonNull(dataSource));
    }

    @Override
    public String toString() {
        return name;
    }
}
