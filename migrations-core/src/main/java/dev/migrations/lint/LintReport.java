package dev.migrations.lint;

import dev.migrations.platform.Severity;
import java.util.List;

/**
 * What {@code lint} found in a range of revisions, with each revision's lock preview.
 *
 * @param database the database the rules and locks are those of: {@code PostgreSQL}
 * @param scope which revisions, in words: {@code 2 pending revisions}
 * @param liveSizes whether table sizes came from the live database's catalog
 */
public record LintReport(String database, String scope, boolean liveSizes, List<RevisionLint> revisions) {

    public LintReport {
        revisions = List.copyOf(revisions);
    }

    public List<Finding> findings() {
        return revisions.stream().flatMap(r -> r.findings().stream()).toList();
    }

    public long count(Severity severity) {
        return findings().stream()
                .filter(f -> !f.isIgnored() && f.severity() == severity)
                .count();
    }

    public long ignored() {
        return findings().stream().filter(Finding::isIgnored).count();
    }

    /** Whether any finding is an error the revisions do not accept: {@code lint} and {@code check} fail. */
    public boolean hasErrors() {
        return findings().stream().anyMatch(Finding::isError);
    }

    /** The ids of the rules found, ignored ones included, in order. */
    public List<String> rules() {
        return findings().stream().map(Finding::rule).toList();
    }

    /** The report as {@code migrations lint} prints it. */
    public String render() {
        return LintReportText.render(this);
    }

    /** The findings only, revision by revision, without the lock preview: what {@code check} prints. */
    public String renderFindings() {
        return LintReportText.findings(this);
    }

    /** One line: {@code 2 errors, 1 warning, 1 note, 1 ignored}. */
    public String summary() {
        return LintReportText.summary(this);
    }
}
