package dev.migrations.lint;

import dev.migrations.lint.TracedStatement.Status;
import dev.migrations.platform.TableLock;
import java.util.stream.Collectors;

/** The trace report as text: per statement, what it took, what it rewrote, and the static answer. */
final class TraceReportText {

    private TraceReportText() {}

    static String render(TraceReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Trace of ")
                .append(report.scope())
                .append(" on ")
                .append(report.database())
                .append(": one transaction, rolled back at the end; no lock waited for or held longer than ")
                .append(report.budget().toMillis())
                .append(" ms. Nothing was committed.\n");
        for (TraceReport.TracedRevision r : report.revisions()) {
            out.append("\nRevision ").append(r.revision());
            if (r.message() != null && !r.message().isBlank()) {
                out.append(" \"").append(r.message()).append('"');
            }
            out.append(" (").append(r.source()).append(")\n");
            if (r.statements().isEmpty()) {
                out.append("  no statements\n");
            }
            for (TracedStatement s : r.statements()) {
                statement(out, s);
            }
        }
        long traced = report.statements().stream()
                .filter(s -> s.status() == Status.TRACED)
                .count();
        long agree =
                report.statements().stream().filter(TracedStatement::agrees).count();
        long notTraced = report.statements().stream()
                .filter(s -> s.status() == Status.NOT_TRACED)
                .count();
        long failed = report.statements().stream()
                .filter(s -> s.status() == Status.FAILED)
                .count();
        long blind = report.statements().stream()
                .filter(s -> s.status() == Status.TRACED && !s.inspected())
                .count();
        out.append('\n');
        if (report.stopped() != null) {
            out.append("Stopped early: ").append(report.stopped()).append('\n');
        }
        out.append(traced)
                .append(" statement(s) traced, ")
                .append(agree)
                .append(" agreeing with the static answer, ")
                .append(report.disagreements().size())
                .append(" disagreeing, ")
                .append(blind)
                .append(" with no static answer; ")
                .append(notTraced)
                .append(" not traced, ")
                .append(failed)
                .append(" failed. Rolled back.\n");
        return out.toString();
    }

    private static void statement(StringBuilder out, TracedStatement s) {
        out.append("  ").append(s.location() == null ? "" : s.location() + "  ").append(s.statement());
        if (s.status() == Status.TRACED) {
            out.append("  (").append(s.millis()).append(" ms)");
        }
        out.append('\n');
        String indent = "      ";
        switch (s.status()) {
            case TRACED -> {
                out.append(indent)
                        .append(s.locks().isEmpty() ? "took no table lock" : "took " + String.join(", ", s.locks()))
                        .append("; ")
                        .append(s.rewrites().isEmpty() ? "no rewrite" : "rewrote " + String.join(", ", s.rewrites()))
                        .append('\n');
            }
            case NOT_TRACED ->
                out.append(indent).append("not traced: ").append(s.detail()).append('\n');
            case FAILED ->
                out.append(indent).append("failed here: ").append(s.detail()).append('\n');
        }
        if (!s.inspected()) {
            out.append(indent).append("static: not inspected; the trace is the only answer\n");
            return;
        }
        out.append(indent).append("static: ").append(expected(s));
        if (s.status() == Status.TRACED) {
            out.append(s.disagreement() == null ? " - agrees" : " - DISAGREES: " + s.disagreement());
        }
        out.append('\n');
    }

    private static String expected(TracedStatement s) {
        if (s.expected().isEmpty()) {
            return "no table lock predicted";
        }
        return s.expected().stream().map(TableLock::toString).collect(Collectors.joining(", "));
    }
}
