package dev.migrations.api;

/**
 * Hears each step of a run as it happens: the hook for metrics, tracing and progress displays.
 * Callbacks run on the migrating thread between statements, so they must be quick and must not
 * throw; an exception from a listener is logged and ignored.
 */
public interface MigrationListener {

    /** A command that may move the database ({@code upgrade}, {@code downgrade}, {@code stamp}) begins. */
    default void runStarting(String command, String target) {}

    /**
     * The command ended: its steps when it succeeded, or no steps and the failure that stopped it
     * ({@link #stepFinished} has seen each step committed before the failure).
     */
    default void runFinished(String command, java.util.List<AppliedStep> steps, Exception failure) {}

    /** Step {@code index} of {@code total} (1-based) is about to run. */
    default void stepStarting(String revision, HistoryRecord.Direction direction, int index, int total) {}

    /** The step committed. */
    default void stepFinished(AppliedStep step, int index, int total) {}

    /** The step failed and was rolled back; the run stops after this. */
    default void stepFailed(
            String revision, HistoryRecord.Direction direction, long executionMillis, Exception failure) {}
}
