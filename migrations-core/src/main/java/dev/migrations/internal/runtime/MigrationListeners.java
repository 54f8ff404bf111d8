package dev.migrations.internal.runtime;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured listeners as one: each event goes to every listener (in order, and in reverse
 * order when a run finishes); a listener that throws is logged and the run goes on.
 */
public final class MigrationListeners implements MigrationListener {

    private static final Logger log = LoggerFactory.getLogger(MigrationListeners.class);

    private final List<MigrationListener> listeners;

    public MigrationListeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarting(String command, String target) {
        each(listeners, l -> l.runStarting(command, target));
    }

    @Override
    public void stepStarting(String revision, HistoryRecord.Direction direction, int index, int total) {
        each(listeners, l -> l.stepStarting(revision, direction, index, total));
    }

    @Override
    public void stepFinished(AppliedStep step, int index, int total) {
        each(listeners, l -> l.stepFinished(step, index, total));
    }

    @Override
    public void stepFailed(
            String revision, HistoryRecord.Direction direction, long executionMillis, Exception failure) {
        each(listeners, l -> l.stepFailed(revision, direction, executionMillis, failure));
    }

    @Override
    public void runFinished(String command, List<AppliedStep> steps, Exception failure) {
        List<MigrationListener> reversed = new java.util.ArrayList<>(listeners);
        java.util.Collections.reverse(reversed);
        each(reversed, l -> l.runFinished(command, steps, failure));
    }

    private static void each(List<MigrationListener> listeners, Consumer<MigrationListener> event) {
        for (MigrationListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Migration listener {} failed; ignoring it", listener, e);
            }
        }
    }
}
