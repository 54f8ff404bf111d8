package dev.migrations.api;

import java.util.List;

/**
 * Where a database stands against the scripts: its heads, the scripts' heads, what is pending and
 * which applied scripts were edited since they ran.
 */
public record Validation(
        List<String> currentHeads,
        List<String> scriptHeads,
        List<String> pending,
        List<ChecksumMismatch> checksumMismatches) {

    /** An applied revision whose script no longer has the checksum recorded when it ran. */
    public record ChecksumMismatch(String revision, String source, String recorded, String current) {}

    public boolean upToDate() {
        return pending.isEmpty() && new java.util.HashSet<>(currentHeads).equals(new java.util.HashSet<>(scriptHeads));
    }

    public boolean valid() {
        return upToDate() && checksumMismatches.isEmpty();
    }

    /**
     * Throws unless the database is at the scripts' heads with no drift: what a replica booting in
     * validate-only mode checks. Drift is reported first, since upgrading would not cure it.
     */
    public void requireValid() {
        if (!checksumMismatches.isEmpty()) {
            throw new ChecksumDriftException(checksumMismatches);
        }
        if (upToDate()) {
            return;
        }
        String at = currentHeads.isEmpty() ? "base" : String.join(", ", currentHeads);
        String message = "The database is at " + at + " but the scripts' heads are " + String.join(", ", scriptHeads);
        if (pending.isEmpty()) {
            message += "; the database's revision is not reachable from the scripts (an unknown or newer revision)."
                    + " Deploy the scripts that match this database, or stamp it after checking the schema.";
        } else {
            message += "; " + pending.size() + " revision(s) pending: " + String.join(", ", pending) + "."
                    + " Run `migrations upgrade heads` (or boot one instance with migrations.mode=upgrade) first.";
        }
        throw new MigrationsException(message, pending.isEmpty() ? null : pending.get(0), null);
    }
}
