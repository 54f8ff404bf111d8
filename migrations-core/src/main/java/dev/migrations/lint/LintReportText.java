package dev.migrations.lint;

import dev.migrations.platform.Severity;
import dev.migrations.platform.TableLock;
import dev.migrations.platform.TableSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lint report as text: per revision, the lock preview and the findings with their safe forms. */
final class LintReportText {

    private LintReportText() {}

    static String render(LintReport report) {
        return render(report, true);
    }

    /** Without the lock preview, and only the revisions with findings: what {@code check} prints. */
    static String findings(LintReport report) {
        return render(report, false);
    }

    private static String render(LintReport report, boolean preview) {
        StringBuilder out = new StringBuilder();
        out.append("Lint of ")
                .append(report.scope())
                .append(" on ")
                .append(report.database())
                .append(report.liveSizes() ? " (table sizes from the live catalog)" : " (table sizes not read)")
                .append('\n');
        if (report.revisions().isEmpty()) {
            out.append("\nNothing to lint.\n");
        }
        for (RevisionLint revision : report.revisions()) {
            if (preview || !revision.findings().isEmpty()) {
                out.append('\n');
                revision(out, revision, preview);
            }
        }
        out.append('\n').append(summary(report)).append('\n');
        return out.toString();
    }

    private static void revision(StringBuilder out, RevisionLint r, boolean preview) {
        out.append("Revision ").append(r.revision());
        if (r.message() != null && !r.message().isBlank()) {
            out.append(" \"").append(r.message()).append('"');
        }
        out.append(" (")
                .append(r.source())
                .append(r.transactional() ? "" : ", non-transactional")
                .append(")\n");
        if (preview && !r.preview().isEmpty()) {
            out.append("  lock preview:\n");
            for (LockPreview p : r.preview()) {
                out.append("    ")
                        .append(pad(p.location(), 9))
                        .append(p.statement())
                        .append('\n');
                for (TableLock lock : p.locks()) {
                    out.append("             ").append(lock);
                    TableSize size = r.sizes().get(lock.table());
                    if (size != null) {
                        out.append(", ").append(size);
                    }
                    out.append('\n');
                }
                if (p.note() != null) {
                    out.append("             ").append(p.note()).append('\n');
                } else if (p.locks().isEmpty()) {
                    out.append("             no table lock\n");
                }
            }
        }
        if (r.findings().isEmpty()) {
            out.append("  no findings\n");
            return;
        }
        out.append("  findings:\n");
        for (Finding f : r.findings()) {
            String level = f.isIgnored() ? "ignored" : f.severity().label();
            out.append("    ")
                    .append(pad(level.toUpperCase(Locale.ROOT), 8))
                    .append(f.rule())
                    .append(f.location() == null ? "" : " at " + f.location())
                    .append(": ")
                    .append(f.message())
                    .append('\n');
            if (f.isIgnored()) {
                out.append("            accepted by the revision: ")
                        .append(f.ignored())
                        .append('\n');
            } else if (f.adjusted() != null) {
                out.append("            ").append(f.adjusted()).append('\n');
            }
            if (!f.isIgnored() && f.safeForm() != null && !f.safeForm().isBlank()) {
                out.append("            safe form:\n");
                for (String line : f.safeForm().split("\n")) {
                    out.append("              ").append(line).append('\n');
                }
            }
        }
    }

    static String summary(LintReport report) {
        List<String> parts = new ArrayList<>();
        parts.add(count(report.count(Severity.ERROR), "error"));
        parts.add(count(report.count(Severity.WARNING), "warning"));
        parts.add(count(report.count(Severity.NOTE), "note"));
        parts.add(report.ignored() + " ignored");
        int n = report.revisions().size();
        return n + " revision" + (n == 1 ? "" : "s") + " linted: " + String.join(", ", parts) + ".";
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String pad(String text, int width) {
        String t = text == null ? "" : text;
        return t.length() >= width ? t + " " : t + " ".repeat(width - t.length());
    }
}
