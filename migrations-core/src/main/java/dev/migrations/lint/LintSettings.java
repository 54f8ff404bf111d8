package dev.migrations.lint;

import dev.migrations.platform.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the lint judges: a level per rule (error, warning, note, or off), the table size below which a
 * locking rule is only a note, the revision before which {@code check} and the test check stop
 * looking (revisions up to it already ran in production), and how long a trace may hold locks.
 *
 * @param enabled whether {@code check}, {@code revision --autogenerate} and the test check lint at all
 * @param rules the level of each rule id given; rules not named keep their default severity
 * @param smallTableRows a locking rule on a table the catalog estimates below this many rows is a note
 * @param baseline the newest revision {@code check} leaves alone (with everything below it), or null
 * @param traceTimeout the longest a trace waits for a lock, and the longest it holds any
 */
public record LintSettings(
        boolean enabled, Map<String, Level> rules, long smallTableRows, String baseline, Duration traceTimeout) {

    /** What a setting makes of a rule. */
    public enum Level {
        ERROR,
        WARNING,
        NOTE,
        OFF;

        /** {@code error}, {@code warning}, {@code note} or {@code off}, in any case. */
        public static Level parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a lint level: use error, warning, note or off", e);
            }
        }

        Severity severity() {
            return this == OFF ? null : Severity.valueOf(name());
        }
    }

    public static final LintSettings DEFAULTS = new LintSettings(true, Map.of(), 10_000, null, Duration.ofSeconds(2));

    public LintSettings {
        rules = Map.copyOf(rules);
        Objects.requireNonNull(traceTimeout, "traceTimeout");
        if (smallTableRows < 0) {
            throw new IllegalArgumentException("smallTableRows must not be negative");
        }
        if (traceTimeout.isNegative() || traceTimeout.isZero()) {
            throw new IllegalArgumentException("traceTimeout must be positive: the trace never waits forever");
        }
    }

    public LintSettings enabled(boolean value) {
        return new LintSettings(value, rules, smallTableRows, baseline, traceTimeout);
    }

    public LintSettings rule(String id, Level level) {
        Map<String, Level> changed = new LinkedHashMap<>(rules);
        changed.put(id, level);
        return new LintSettings(enabled, changed, smallTableRows, baseline, traceTimeout);
    }

    public LintSettings rules(Map<String, Level> levels) {
        Map<String, Level> changed = new LinkedHashMap<>(rules);
        changed.putAll(levels);
        return new LintSettings(enabled, changed, smallTableRows, baseline, traceTimeout);
    }

    public LintSettings smallTableRows(long rows) {
        return new LintSettings(enabled, rules, rows, baseline, traceTimeout);
    }

    public LintSettings baseline(String revision) {
        return new LintSettings(enabled, rules, smallTableRows, revision, traceTimeout);
    }

    public LintSettings traceTimeout(Duration timeout) {
        return new LintSettings(enabled, rules, smallTableRows, baseline, timeout);
    }
}
