package dev.migrations.lint;

import dev.migrations.platform.TableLock;
import java.util.List;

/**
 * One statement as the trace saw it run, next to the static answer for it.
 *
 * @param location where in the revision
 * @param statement the statement, shortened
 * @param status whether it ran, could not run in the traced transaction, or failed
 * @param locks the table locks it took, {@code ShareLock on orders}, or those it already held
 * @param rewrites the tables (and indexes) it rewrote: a new file on disk
 * @param millis how long it ran
 * @param detail why it was not traced, or the database's error
 * @param expected the static answer: the locks the lint predicts; empty when it predicts none or
 *     could not read the statement
 * @param disagreement how the trace differs from the static answer, or null when they agree
 * @param inspected whether the lint could read the statement; the trace is the only answer when not
 */
public record TracedStatement(
        String location,
        String statement,
        Status status,
        List<String> locks,
        List<String> rewrites,
        long millis,
        String detail,
        List<TableLock> expected,
        String disagreement,
        boolean inspected) {

    public enum Status {
        TRACED,
        NOT_TRACED,
        FAILED
    }

    public TracedStatement {
        locks = List.copyOf(locks);
        rewrites = List.copyOf(rewrites);
        expected = List.copyOf(expected);
    }

    TracedStatement(
            String location,
            String statement,
            Status status,
            List<String> locks,
            List<String> rewrites,
            long millis,
            String detail,
            List<TableLock> expected,
            String disagreement) {
        this(location, statement, status, locks, rewrites, millis, detail, expected, disagreement, true);
    }

    /** The same, for a statement the lint could not read: there is no static answer to compare. */
    TracedStatement uninspected() {
        return new TracedStatement(
                location, statement, status, locks, rewrites, millis, detail, List.of(), null, false);
    }

    /** The same, with a note added to the detail. */
    TracedStatement withDetail(String note) {
        return new TracedStatement(
                location, statement, status, locks, rewrites, millis, detail + note, expected, disagreement, inspected);
    }

    /** Traced, read by the lint, and the two answers match. */
    public boolean agrees() {
        return status == Status.TRACED && inspected && disagreement == null;
    }
}
