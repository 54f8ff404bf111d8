package dev.migrations;

import dev.migrations.api.HistoryRecord;
import dev.migrations.api.Validation;
import java.util.HashSet;
import java.util.List;

/**
 * Where a database stands, revision by revision: what an operator asks before touching anything.
 * Built from one read of the version and history tables; no lock is taken and nothing is created.
 *
 * @param currentHeads the version table's rows
 * @param scriptHeads the heads of the revision graph
 * @param pending the revisions an {@code upgrade heads} would run, in that order
 * @param revisions every revision in the scripts from base to heads, then those the database knows
 *     and the scripts do not
 * @param history every row of the history table, oldest first
 * @param checksumMismatches applied scripts edited since they ran (empty when checksums are not validated)
 */
public record DatabaseStatus(
        List<String> currentHeads,
        List<String> scriptHeads,
        List<String> pending,
        List<RevisionStatus> revisions,
        List<HistoryRecord> history,
        List<Validation.ChecksumMismatch> checksumMismatches) {

    /** What became of one revision in this database. */
    public enum State {
        /** Applied and its script unchanged. */
        APPLIED,
        /** Not applied; an upgrade to heads would run it. */
        PENDING,
        /** Not applied, and its last attempt failed. */
        FAILED,
        /**
         * Not applied: its last attempt failed after some of its statements committed (a database
         * whose DDL commits by itself); the history's {@code statements_done} says how many, and the
         * next upgrade resumes after them.
         */
        PARTIALLY_APPLIED,
        /** Applied, but its script changed since. */
        CHECKSUM_MISMATCH,
        /** Applied, but no script has this id any more. */
        MISSING_FROM_SCRIPTS
    }

    /** One revision: its header, where it came from and its state. */
    public record RevisionStatus(
            String id,
            State state,
            List<String> downRevisions,
            List<String> dependsOn,
            List<String> branchLabels,
            String message,
            String source,
            String createDate,
            String checksum) {}

    public boolean upToDate() {
        return pending.isEmpty() && new HashSet<>(currentHeads).equals(new HashSet<>(scriptHeads));
    }

    /** The revisions whose last attempt failed and which are not applied (partly applied ones included). */
    public List<RevisionStatus> failed() {
        return revisions.stream()
                .filter(r -> r.state() == State.FAILED || r.state() == State.PARTIALLY_APPLIED)
                .toList();
    }

    public RevisionStatus revision(String id) {
        return revisions.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The history rows of one revision, oldest first. */
    public List<HistoryRecord> historyOf(String id) {
        return history.stream().filter(h -> h.revision().equals(id)).toList();
    }
}
