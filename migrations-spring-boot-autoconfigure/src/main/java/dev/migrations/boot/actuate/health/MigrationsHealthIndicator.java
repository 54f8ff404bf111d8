package dev.migrations.boot.actuate.health;

import dev.migrations.DatabaseStatus;
import dev.migrations.DatabaseStatus.RevisionStatus;
import dev.migrations.Migrations;
import dev.migrations.api.Validation;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code migrations} health: DOWN when a revision failed or an applied script was edited, and,
 * for a replica that only validates, when revisions are pending. A database ahead of the scripts
 * (an older replica during a rolling deploy) stays UP, with the details to see it.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final Migrations migrations;
    private final boolean pendingIsDown;

    /**
     * @param pendingIsDown whether pending revisions make this DOWN: true for replicas booted with
     *     {@code migrations.mode=validate}, which cannot serve a schema they did not migrate
     */
    public MigrationsHealthIndicator(Migrations migrations, boolean pendingIsDown) {
        super("Migrations health check failed");
        this.migrations = migrations;
        this.pendingIsDown = pendingIsDown;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (migrations.tenants().configured()) {
            TenantsHealth.check(migrations, pendingIsDown, builder);
            return;
        }
        DatabaseStatus status = migrations.status();
        builder.withDetail("currentHeads", status.currentHeads())
                .withDetail("scriptHeads", status.scriptHeads())
                .withDetail("upToDate", status.upToDate())
                .withDetail("pending", status.pending());
        var failed = status.failed().stream().map(RevisionStatus::id).toList();
        var edited = status.checksumMismatches().stream()
                .map(Validation.ChecksumMismatch::revision)
                .toList();
        if (!failed.isEmpty()) {
            builder.withDetail("failed", failed);
        }
        if (!edited.isEmpty()) {
            builder.withDetail("checksumMismatches", edited);
        }
        boolean down = !failed.isEmpty()
                || !edited.isEmpty()
                || (pendingIsDown && !status.pending().isEmpty());
        if (down) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
