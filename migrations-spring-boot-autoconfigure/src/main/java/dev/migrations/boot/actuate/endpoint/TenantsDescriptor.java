package dev.migrations.boot.actuate.endpoint;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.TenantResult;
import dev.migrations.TenantRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An instance's tenants, compactly: how many stand where, then only the tenants that are not at
 * the heads (thousands of up-to-date tenants are a count, not a list).
 */
public final class TenantsDescriptor {

    private final int total;
    private final Map<String, Integer> counts;
    private final List<TenantDescriptor> notAtHeads;

    private TenantsDescriptor(int total, Map<String, Integer> counts, List<TenantDescriptor> notAtHeads) {
        this.total = total;
        this.counts = counts;
        this.notAtHeads = notAtHeads;
    }

    static TenantsDescriptor of(Migrations migrations) {
        TenantRun<DatabaseStatus> run = migrations.tenants().status();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<TenantDescriptor> notAtHeads = new ArrayList<>();
        for (TenantResult<DatabaseStatus> result : run.results()) {
            String standing = run.outcomeOf(result);
            counts.merge(camelCase(standing), 1, Integer::sum);
            if (!"up to date".equals(standing)) {
                notAtHeads.add(new TenantDescriptor(result, camelCase(standing)));
            }
        }
        return new TenantsDescriptor(run.results().size(), counts, notAtHeads);
    }

    private static String camelCase(String words) {
        String[] parts = words.split(" ");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }

    public int getTotal() {
        return total;
    }

    /** Tenants by standing: {@code upToDate}, {@code behind}, {@code failed}. */
    public Map<String, Integer> getCounts() {
        return counts;
    }

    public List<TenantDescriptor> getNotAtHeads() {
        return notAtHeads;
    }

    /** One tenant that is not at the heads: where it stands and what is left, or why it cannot be read. */
    public static final class TenantDescriptor {

        private final String tenant;
        private final String standing;
        private final @Nullable List<String> currentHeads;
        private final @Nullable List<String> pending;
        private final @Nullable List<String> failed;
        private final @Nullable String error;

        TenantDescriptor(TenantResult<DatabaseStatus> result, String standing) {
            DatabaseStatus status = result.value();
            this.tenant = result.tenant().name();
            this.standing = standing;
            this.currentHeads = status != null ? status.currentHeads() : null;
            this.pending = status != null ? status.pending() : null;
            this.failed = status != null && !status.failed().isEmpty()
                    ? status.failed().stream()
                            .map(DatabaseStatus.RevisionStatus::id)
                            .toList()
                    : null;
            this.error = result.error() != null ? result.error().getMessage() : null;
        }

        public String getTenant() {
            return tenant;
        }

        public String getStanding() {
            return standing;
        }

        public @Nullable List<String> getCurrentHeads() {
            return currentHeads;
        }

        public @Nullable List<String> getPending() {
            return pending;
        }

        public @Nullable List<String> getFailed() {
            return failed;
        }

        public @Nullable String getError() {
            return error;
        }
    }
}
