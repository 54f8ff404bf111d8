package dev.migrations;

import java.util.List;

/**
 * Where a database stands against the scripts: its heads, the scripts' heads, what is pending and
 * which applied scripts were edited since they ran.
 */
public record Validation(List<String> currentHeads, List<String> scriptHeads, List<String> pending,
        List<ChecksumMismatch> checksumMismatches) {

    /** An applied revision whose script no longer has the checksum recorded when it ran. */
    public record ChecksumMismatch(String revision, String source, String recorded, String current) {
    }

    public boolean upToDate() {
        return pending.isEmpty() && new java.util.HashSet<>(currentHeads).equals(new java.util.HashSet<>(scriptHeads));
    }

    public boolean valid() {
        return upToDate() && checksumMismatches.isEmpty();
    }
}
