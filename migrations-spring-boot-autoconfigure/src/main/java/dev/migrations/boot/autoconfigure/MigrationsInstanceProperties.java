package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * One named instance, under {@code migrations.instances.<name>}: the same keys as the single
 * instance, for a DataSource of its own. Values are not inherited from the top-level keys.
 */
public class MigrationsInstanceProperties extends MigrationsProperties {

    /**
     * Name of the DataSource bean this instance migrates. Defaults to a bean named after the
     * instance, else the url of the instance, else the application's single DataSource.
     */
    private @Nullable String dataSource;

    public @Nullable String getDataSource() {
        return dataSource;
    }

    public void setDataSource(@Nullable String dataSource) {
        this.dataSource = dataSource;
    }
}
