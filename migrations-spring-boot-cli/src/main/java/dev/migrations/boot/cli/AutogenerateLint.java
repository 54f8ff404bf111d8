package dev.migrations.boot.cli;

import dev.migrations.boot.autoconfigure.SpringSettingNames;
import dev.migrations.lint.LintReport;
import java.io.PrintWriter;

/** What {@code revision --autogenerate} says about the lint of the file it wrote. */
final class AutogenerateLint {

    private AutogenerateLint() {}

    static void report(LintReport lint, boolean safe, PrintWriter out) {
        if (lint == null || lint.findings().isEmpty()) {
            return;
        }
        out.print(SpringSettingNames.translate(lint.renderFindings()));
        out.println("The findings are comments in the file, above the steps they concern; review them before"
                + " the revision runs."
                + (safe
                        ? ""
                        : " Run again with --safe to write the safe forms that make the same change in safer steps."));
    }
}
