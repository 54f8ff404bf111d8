package dev.migrations.lint;

import java.time.Duration;
import java.util.List;

/**
 * What {@code lint --trace} saw: each pending revision run in one transaction that was rolled back,
 * statement by statement, with the locks taken and the tables rewritten.
 *
 * @param budget the longest the trace waited for a lock, and the longest it held any
 * @param stopped why the trace stopped before the end (its budget ran out), or null
 */
public record TraceReport(
        String database, String scope, Duration budget, List<TracedRevision> revisions, String stopped) {

    public TraceReport {
        revisions = List.copyOf(revisions);
    }

    /** The statements of one revision. */
    public record TracedRevision(String revision, String message, String source, List<TracedStatement> statements) {

        public TracedRevision {
            statements = List.copyOf(statements);
        }
    }

    public List<TracedStatement> statements() {
        return revisions.stream().flatMap(r -> r.statements().stream()).toList();
    }

    /** Statements where the trace and the static answer differ. */
    public List<TracedStatement> disagreements() {
        return statements().stream().filter(s -> s.disagreement() != null).toList();
    }

    public String render() {
        return TraceReportText.render(this);
    }
}
