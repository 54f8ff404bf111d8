package dev.migrations.api;

import java.time.Instant;
import java.util.List;

/** One row of {@code migrations_history}: a revision run up or down, or a stamp, and how it went. */
public record HistoryRecord(
        long id,
        String revision,
        List<String> downRevisions,
        Direction direction,
        String message,
        String checksum,
        Instant appliedAt,
        long executionMillis,
        String appliedBy,
        boolean success,
        String error) {

    public enum Direction {
        UPGRADE,
        DOWNGRADE,
        STAMP;

        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Direction of(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
