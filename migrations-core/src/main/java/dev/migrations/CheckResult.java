package dev.migrations;

import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.lint.LintReport;
import java.util.List;

/**
 * What {@code check} found: the database is at the scripts' heads (else check fails before
 * comparing), the entities' differences with it, and the lint of the revisions after the baseline.
 *
 * @param heads the database's heads
 * @param diff what a new revision would have to do; empty when the entities match the database
 * @param lint the lint of the revisions after the baseline, or null when the lint is off
 */
public record CheckResult(List<String> heads, SchemaDiff diff, LintReport lint) {

    public CheckResult(List<String> heads, SchemaDiff diff) {
        this(heads, diff, null);
    }

    /** No differences with the entities, and no lint error. */
    public boolean passed() {
        return diff.isEmpty() && (lint == null || !lint.hasErrors());
    }

    CheckResult withLint(LintReport report) {
        return new CheckResult(heads, diff, report);
    }
}
