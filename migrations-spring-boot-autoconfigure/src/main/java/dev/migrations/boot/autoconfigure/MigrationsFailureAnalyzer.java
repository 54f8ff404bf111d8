package dev.migrations.boot.autoconfigure;

import dev.migrations.api.ChecksumDriftException;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.MultipleHeadsException;
import dev.migrations.api.RevisionFailedException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed startup migration into Boot's "APPLICATION FAILED TO START" report: the engine's
 * message (revision, file, statement, where the database stands) and the next step to take.
 */
final class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationsException cause) {
        String description = "Migrations could not bring the database up to date:\n\n"
                + SpringSettingNames.translate(cause.getMessage());
        return new FailureAnalysis(description, action(cause), cause);
    }

    private String action(MigrationsException cause) {
        if (cause instanceof MultipleHeadsException heads) {
            return "The scripts have several heads (" + String.join(", ", heads.heads()) + "). Join them with"
                    + " `migrations merge -m \"merge heads\" heads`, or set migrations.target=heads to apply every"
                    + " branch.";
        }
        if (cause instanceof ChecksumDriftException) {
            return "Restore the applied scripts as they were when they ran and put the change in a new revision"
                    + " (`migrations revision -m \"...\"`). If the edit was deliberate and harmless, set"
                    + " migrations.validate-checksums=false.";
        }
        if (cause instanceof RevisionFailedException failed) {
            return "Fix the failing " + (failed.statement() != null ? "statement" : "code") + " in revision "
                    + failed.revision() + " and start the application again. The revision was rolled back where the"
                    + " database allows it and the failure is recorded in the history table.";
        }
        SQLException sql = findCause(cause, SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return "Check that the database is running and reachable at the configured URL (spring.datasource.url,"
                    + " or migrations.url when set) and that the user and password are right.";
        }
        return "Fix the problem described above and start the application again; the database was left at its last"
                + " good revision. `migrations current` and `migrations history --indicate-current` show where it"
                + " stands.";
    }
}
