package dev.migrations.boot.actuate.metrics;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns an engine's runs into Micrometer meters and observations: a {@code migrations.revision}
 * timer per step (tags {@code revision}, {@code direction}, {@code outcome}, {@code datasource})
 * and a {@code migrations.run} observation around each command, so traces show migration time at
 * start-up. One instance serves one engine; runs happen on the migrating thread.
 */
public class MigrationsObservability implements MigrationListener {

    public static final String REVISION_TIMER = "migrations.revision";
    public static final String RUN_OBSERVATION = "migrations.run";

    private final @Nullable MeterRegistry meters;
    private final @Nullable ObservationRegistry observations;
    private final String dataSource;
    private final ThreadLocal<Observation> current = new ThreadLocal<>();

    public MigrationsObservability(
            @Nullable MeterRegistry meters, @Nullable ObservationRegistry observations, String dataSource) {
        this.meters = meters;
        this.observations = observations;
        this.dataSource = dataSource;
    }

    @Override
    public void runStarting(String command, String target) {
        if (observations == null) {
            return;
        }
        Observation observation = Observation.createNotStarted(RUN_OBSERVATION, observations)
                .contextualName("migrations " + command)
                .lowCardinalityKeyValue("command", command)
                .lowCardinalityKeyValue("datasource", dataSource)
                .highCardinalityKeyValue("target", target)
                .start();
        current.set(observation);
    }

    @Override
    public void stepFinished(AppliedStep step, int index, int total) {
        record(step.revision(), step.direction(), step.executionMillis(), "success");
    }

    @Override
    public void stepFailed(
            String revision, HistoryRecord.Direction direction, long executionMillis, Exception failure) {
        record(revision, direction, executionMillis, "failure");
    }

    @Override
    public void runFinished(String command, List<AppliedStep> steps, @Nullable Exception failure) {
        Observation observation = current.get();
        if (observation == null) {
            return;
        }
        current.remove();
        observation.highCardinalityKeyValue("steps", String.valueOf(steps.size()));
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }

    private void record(String revision, HistoryRecord.Direction direction, long millis, String outcome) {
        if (meters == null || direction == HistoryRecord.Direction.STAMP) {
            return;
        }
        Timer.builder(REVISION_TIMER)
                .description("Time taken to run a migration revision")
                .tag("revision", revision)
                .tag("direction", direction.sqlName())
                .tag("outcome", outcome)
                .tag("datasource", dataSource)
                .register(meters)
                .record(Duration.ofMillis(millis));
    }
}
