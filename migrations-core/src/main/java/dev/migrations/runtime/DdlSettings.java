package dev.migrations.runtime;

import java.time.Duration;

/**
 * How long a DDL statement may wait for a table lock (PostgreSQL's {@code lock_timeout}) and how
 * many times it is retried after giving up, so that a migration queued behind a long query does
 * not hold up every query queued behind it. A null or zero timeout waits forever.
 */
public record DdlSettings(Duration lockTimeout, int lockRetries) {

    public static final DdlSettings DEFAULT = new DdlSettings(Duration.ofSeconds(5), 3);

    public DdlSettings {
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must not be negative");
        }
    }

    boolean limited() {
        return lockTimeout != null && !lockTimeout.isZero() && !lockTimeout.isNegative();
    }
}
