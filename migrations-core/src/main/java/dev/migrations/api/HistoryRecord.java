package dev.migrations.api;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code migrations_history}: a revision run up or down, or a stamp, and how it went.
 *
 * @param statementsDone where a revision ran without a transaction around its DDL (each statement
 *     committing on its own), how many of its statements completed and committed; 0 otherwise. A
 *     failed row with statements done is a partly applied revision, which the next upgrade resumes.
 */
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
        String error,
        int statementsDone) {

    public HistoryRecord(
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
        this(
                id,
                revision,
                downRevisions,
                direction,
                message,
                checksum,
                appliedAt,
                executionMillis,
                appliedBy,
                success,
                error,
                0);
    }

    /** A run that failed after some of its statements committed: the database holds part of it. */
    public boolean partiallyApplied() {
        return !success && statementsDone > 0;
    }

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
