package dev.migrations.api;

import java.util.List;

/** What one step did: the revision (or stamp target), its direction and how long it took. */
public record AppliedStep(
        String revision,
        List<String> downRevisions,
        HistoryRecord.Direction direction,
        String message,
        long executionMillis) {}
