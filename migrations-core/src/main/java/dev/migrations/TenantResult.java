package dev.migrations;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.RevisionFailedException;

/**
 * What one command did for one tenant: its value, or the error it failed with, or that it never
 * started because an earlier tenant failed and the fan-out was fail-fast.
 */
public record TenantResult<T>(Tenant tenant, T value, MigrationsException error, boolean skipped) {

    static <T> TenantResult<T> done(Tenant tenant, T value) {
        return new TenantResult<>(tenant, value, null, false);
    }

    static <T> TenantResult<T> failed(Tenant tenant, MigrationsException error) {
        return new TenantResult<>(tenant, null, error, false);
    }

    static <T> TenantResult<T> notStarted(Tenant tenant) {
        return new TenantResult<>(tenant, null, null, true);
    }

    public boolean failed() {
        return error != null;
    }

    /**
     * The failure in a few words for a summary line: the revision and the statement when a revision
     * failed, else the first line of the message.
     */
    public String failureBrief() {
        if (error == null) {
            return "";
        }
        StringBuilder brief = new StringBuilder();
        if (error.revision() != null) {
            brief.append("revision ").append(error.revision());
        }
        if (error instanceof RevisionFailedException failed && failed.statement() != null) {
            brief.append(brief.isEmpty() ? "" : ", ").append("statement ").append(shortened(failed.statement()));
        }
        if (brief.isEmpty()) {
            String message = String.valueOf(error.getMessage());
            brief.append(shortened(message.lines().findFirst().orElse(message)));
        }
        return brief.toString();
    }

    private static String shortened(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
