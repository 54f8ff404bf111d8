package dev.migrations.boot.actuate.health;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.TenantRun;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of an instance with tenants: DOWN when a tenant failed (a failed revision, an edited
 * script, or a database that cannot be read), and for a replica that only validates when one is
 * behind. Details: the counts, and the first tenants that are not at the heads.
 */
final class TenantsHealth {

    private static final int LISTED = 20;

    private TenantsHealth() {}

    static void check(Migrations migrations, boolean pendingIsDown, Health.Builder builder) {
        TenantRun<DatabaseStatus> run = migrations.tenants().status();
        Map<String, Integer> counts = run.counts();
        List<String> failed = run.results().stream()
                .filter(r -> "failed".equals(run.outcomeOf(r)))
                .map(r -> r.tenant().name())
                .toList();
        List<String> behind = run.results().stream()
                .filter(r -> "behind".equals(run.outcomeOf(r)))
                .map(r -> r.tenant().name())
                .toList();
        builder.withDetail("tenants", run.results().size()).withDetail("counts", counts);
        if (!failed.isEmpty()) {
            builder.withDetail("failedTenants", failed.subList(0, Math.min(LISTED, failed.size())));
        }
        if (!behind.isEmpty()) {
            builder.withDetail("behindTenants", behind.subList(0, Math.min(LISTED, behind.size())));
        }
        if (!failed.isEmpty() || (pendingIsDown && !behind.isEmpty())) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
