package dev.migrations.platform;

import java.time.Duration;

/**
 * How long a DDL statement may wait for a table lock and how many times it is retried after giving
 * up, so that a migration queued behind a long query does not hold up every query queued behind it.
 * A null or zero timeout waits forever. {@code onlineDefaults}: whether operations without an
 * ALGORITHM/LOCK request get the platform's default one (MySQL/MariaDB), or the server's choice.
 */
public record DdlSettings(Duration lockTimeout, int lockRetries, boolean onlineDefaults) {

    public static final DdlSettings DEFAULT = new DdlSettings(Duration.ofSeconds(5), 3, true);

    /** No timeout and no retries: how scratch schemas are built. */
    public static final DdlSettings UNLIMITED = new DdlSettings(null, 0, true);

    public DdlSettings(Duration lockTimeout, int lockRetries) {
        this(lockTimeout, lockRetries, true);
    }

    public DdlSettings {
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must not be negative");
        }
    }

    /** Whether a timeout applies at all. */
    public boolean limited() {
        return lockTimeout != null && !lockTimeout.isZero() && !lockTimeout.isNegative();
    }
}
