package dev.migrations;

/**
 * How an instance fans out over its tenants.
 *
 * @param source the tenants, or null when the instance has none (it migrates its DataSource's
 *     default schema)
 * @param parallelism how many tenants migrate at once, each on one connection of the pool
 * @param failFast whether the first failed tenant stops tenants not started yet
 */
record TenantSettings(MigrationsTenants source, int parallelism, boolean failFast) {

    static final int DEFAULT_PARALLELISM = 4;
    static final TenantSettings NONE = new TenantSettings(null, DEFAULT_PARALLELISM, false);

    TenantSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("tenant parallelism must be at least 1, not " + parallelism);
        }
    }
}
