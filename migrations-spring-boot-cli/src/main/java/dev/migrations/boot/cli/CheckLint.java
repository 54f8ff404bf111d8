package dev.migrations.boot.cli;

import dev.migrations.api.MigrationsException;
import dev.migrations.boot.autoconfigure.SpringSettingNames;
import dev.migrations.lint.LintReport;
import dev.migrations.platform.Severity;
import java.io.PrintWriter;

/** The lint part of {@code check}: its findings, and a failure when one is an error. */
final class CheckLint {

    private CheckLint() {}

    static void report(LintReport lint, PrintWriter out) {
        if (lint == null) {
            return;
        }
        if (!lint.findings().isEmpty()) {
            out.print(SpringSettingNames.translate(lint.renderFindings()));
        }
        if (lint.hasErrors()) {
            throw new MigrationsException("The lint found " + lint.count(Severity.ERROR) + " error(s) in the"
                    + " revisions after the baseline, listed above. Use the safe forms, accept a finding in its"
                    + " revision with a reason (lintIgnore), or move migrations.lint.baseline past revisions that"
                    + " already ran in production.");
        }
    }
}
