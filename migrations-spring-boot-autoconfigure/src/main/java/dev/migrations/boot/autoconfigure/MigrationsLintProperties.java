package dev.migrations.boot.autoconfigure;

import dev.migrations.lint.LintSettings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationUnit;

/** The safety lint's settings, under {@code migrations.lint}. */
public class MigrationsLintProperties {

    /**
     * Whether check, revision --autogenerate and the LINT check of @MigrationsTest lint the revisions.
     * The lint command always runs.
     */
    private boolean enabled = true;

    /**
     * Level of each rule, by rule id: error, warning, note or off. Rules not listed keep their own
     * severity.
     */
    private Map<String, LintSettings.Level> rules = new LinkedHashMap<>();

    /**
     * Tables the live catalog estimates below this many rows make a locking rule a note.
     */
    private long smallTableRows = 10_000;

    /**
     * Newest revision that already ran in production: check and the LINT test check lint only the
     * revisions after it. All revisions when unset.
     */
    private @Nullable String baseline;

    /**
     * Longest time lint --trace waits for a lock, and longest it holds any.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration traceTimeout = Duration.ofSeconds(2);

    /** The engine's settings these properties make. */
    public LintSettings settings() {
        return LintSettings.DEFAULTS
                .enabled(enabled)
                .rules(rules)
                .smallTableRows(smallTableRows)
                .baseline(baseline)
                .traceTimeout(traceTimeout);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, LintSettings.Level> getRules() {
        return rules;
    }

    public void setRules(Map<String, LintSettings.Level> rules) {
        this.rules = rules;
    }

    public long getSmallTableRows() {
        return smallTableRows;
    }

    public void setSmallTableRows(long smallTableRows) {
        this.smallTableRows = smallTableRows;
    }

    public @Nullable String getBaseline() {
        return baseline;
    }

    public void setBaseline(@Nullable String baseline) {
        this.baseline = baseline;
    }

    public Duration getTraceTimeout() {
        return traceTimeout;
    }

    public void setTraceTimeout(Duration traceTimeout) {
        this.traceTimeout = traceTimeout;
    }
}
