package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import dev.migrations.TenantRun;
import dev.migrations.api.AppliedStep;
import dev.migrations.api.MigrationsException;
import java.util.List;

/**
 * What an instance does at startup in its mode: its DataSource's schema, or with tenants every
 * tenant before the application reports ready. A failed tenant fails the startup only when the
 * tenants are fail-fast; otherwise the others are migrated and health reports it.
 */
final class StartupMigration {

    private StartupMigration() {}

    static MigrationStrategy of(MigrationsProperties properties) {
        String target = properties.getTarget();
        return switch (properties.getMode()) {
            case VALIDATE ->
                migrations -> {
                    if (migrations.tenants().configured()) {
                        validateTenants(migrations);
                    } else {
                        migrations.validate().requireValid();
                    }
                };
            // reached only in AOT mode, where the mode condition was decided at build time
            case NONE -> migrations -> {};
            case UPGRADE ->
                migrations -> {
                    if (migrations.tenants().configured()) {
                        TenantRun<List<AppliedStep>> run = migrations.tenants().upgrade(target);
                        if (run.anyFailed() && migrations.tenants().failFast()) {
                            throw new MigrationsException(run.summary()
                                    + ". migrations.tenants.fail-fast is set: the application does not start.");
                        }
                    } else {
                        migrations.upgrade(target);
                    }
                };
        };
    }

    private static void validateTenants(Migrations migrations) {
        TenantRun<Boolean> run = migrations
                .tenants()
                .run(
                        migrations.tenants().list(),
                        "validated",
                        tenant -> {
                            tenant.validate().requireValid();
                            return true;
                        },
                        valid -> "valid");
        if (run.anyFailed()) {
            throw new MigrationsException(run.summary() + ". migrations.mode=validate: upgrade these tenants first.");
        }
    }
}
