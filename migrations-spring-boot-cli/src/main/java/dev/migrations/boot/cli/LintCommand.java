package dev.migrations.boot.cli;

import dev.migrations.api.MigrationsException;
import dev.migrations.boot.autoconfigure.SpringSettingNames;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.TraceReport;
import dev.migrations.platform.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lint [RANGE] [--trace]}: what the pending revisions (or those of a target or a range) will
 * lock, rewrite or break, rule by rule with the safe form; with {@code --trace}, what they really
 * lock, run in a transaction that is always rolled back. Exits 1 when a finding is an error.
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Report the locks, rewrites and risks of the pending revisions; exit non-zero on errors.")
final class LintCommand extends SessionCommand {

    @Parameters(
            arity = "0..1",
            paramLabel = "RANGE",
            description = "A target (what `upgrade TARGET` would run) or start:end; default: the pending revisions.")
    String range;

    @Option(
            names = "--trace",
            description = "Also run the revisions on the database in one transaction that is always rolled back,"
                    + " and report the locks each statement really takes (PostgreSQL).")
    boolean trace;

    LintCommand(Session session) {
        super(session);
    }

    @Override
    public Integer call() {
        LintReport report = session.engine().lint(range);
        session.out().print(SpringSettingNames.translate(report.render()));
        if (trace) {
            TraceReport traced = session.engine().traceLocks(range);
            session.out().println();
            session.out().print(traced.render());
        }
        if (report.hasErrors()) {
            throw new MigrationsException("The lint found " + report.count(Severity.ERROR) + " error(s), listed above."
                    + " Use the safe forms; or, where a finding is safe here, accept it in the revision"
                    + " (lintIgnore = \"rule-id: why\", or '-- lint_ignore: rule-id: why') or set"
                    + " migrations.lint.rules.<rule-id>.");
        }
        return 0;
    }
}
