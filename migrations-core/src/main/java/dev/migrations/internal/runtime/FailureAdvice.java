package dev.migrations.internal.runtime;

import dev.migrations.api.AppliedStep;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.platform.FailureKind;
import java.util.List;
import java.util.stream.Collectors;

/** What to do about a failed revision: the last words of its report. */
final class FailureAdvice {

    private static final String FIX = " Fix the revision and run the command again.";

    private FailureAdvice() {}

    /**
     * @param script the revision that failed, or null for a stamp
     * @param startHeads where the run found the database
     * @param headsAfter where it is now, or null when that could not be read
     */
    static String of(FailureKind kind, MigrationScript script, List<String> startHeads, List<String> headsAfter) {
        if (kind == FailureKind.NEEDS_AUTOCOMMIT) {
            return " The statement cannot run inside a transaction: declare the revision non-transactional"
                    + " ('-- transactional: false' in a SQL script, @Revision(transactional = false) in Java)."
                    + FIX;
        }
        boolean firstRevisionOnAnEmptyHistory = script != null
                && script.node().isBase()
                && (startHeads == null || startHeads.isEmpty())
                && headsAfter != null
                && headsAfter.isEmpty();
        if (kind == FailureKind.OBJECT_EXISTS && firstRevisionOnAnEmptyHistory) {
            return " The database already has what its first revision creates, but no migration history: it"
                    + " predates migrations (Hibernate's ddl-auto made it, say). If its schema is what revision "
                    + script.id() + " creates, record that with `migrations stamp " + script.id() + "` instead of"
                    + " running it (see \"Adopting an existing database\" in the README).";
        }
        return FIX;
    }

    /** Where the run started, what it applied before the failure, and where the database is now. */
    static String progress(List<String> startHeads, List<AppliedStep> done, List<String> headsNow) {
        String now = at(headsNow);
        if (done.isEmpty()) {
            return "Nothing was applied: the database is still at " + now + ".";
        }
        return "The run started at " + at(startHeads) + " and applied " + done.size() + " step(s) before this one ("
                + done.stream().map(AppliedStep::revision).collect(Collectors.joining(", ")) + "); the database is now"
                + " at " + now + ".";
    }

    private static String at(List<String> heads) {
        return heads == null || heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
