package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tenants of an instance, under {@code migrations.tenants} (or {@code migrations.instances.<name>.tenants}). */
public class MigrationsTenantsProperties {

    /**
     * Schemas to migrate as tenants, each with its own version and history tables and lock: the same
     * revisions in every schema, instead of the DataSource's default schema.
     */
    private List<String> schemas = new ArrayList<>();

    /**
     * Tenants with a database of their own, by tenant name: JDBC URLs (one SQLite file each, say),
     * opened with the instance's user and password.
     */
    private Map<String, String> urls = new LinkedHashMap<>();

    /**
     * How many tenants migrate at once; each takes one connection while it runs.
     */
    private int parallelism = 4;

    /**
     * Whether the first failed tenant stops the tenants not started yet and fails the startup. When
     * false, every tenant is tried, the application starts, and health reports the failed ones.
     */
    private boolean failFast = false;

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public Map<String, String> getUrls() {
        return urls;
    }

    public void setUrls(Map<String, String> urls) {
        this.urls = urls;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    /** Whether any tenant is listed here. */
    boolean listed() {
        return !schemas.isEmpty() || !urls.isEmpty();
    }
}
