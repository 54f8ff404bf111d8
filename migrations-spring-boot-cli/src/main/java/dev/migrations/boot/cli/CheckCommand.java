package dev.migrations.boot.cli;

import dev.migrations.CheckResult;
import dev.migrations.api.MigrationsException;
import dev.migrations.lint.LintReport;
import dev.migrations.schema.SchemaSnapshot;
import picocli.CommandLine.Command;

/**
 * {@code check}: fails unless the database is at the scripts' heads with no checksum drift, the
 * revisions after the lint baseline have no lint error, and, when the application has JPA entities,
 * the database matches them (Alembic's check).
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Exit non-zero unless the database is at the scripts' heads and matches the entities.")
final class CheckCommand extends SessionCommand {

    CheckCommand(Session session) {
        super(session);
    }

    @Override
    boolean needsEntities() {
        return true;
    }

    @Override
    public Integer call() {
        if (BranchConflictLines.print(session.engine(), session.out())) {
            throw new MigrationsException("The heads' branches conflict (listed above): merge them (`migrations merge"
                    + " heads`) and settle each object in the merge revision, or move one change to after the other.");
        }
        SchemaSnapshot entities = EntityComparison.entities(session);
        if (entities == null) {
            session.engine().validate().requireValid();
            LintReport lint =
                    session.engine().lintSettings().enabled() ? session.engine().lintSinceBaseline() : null;
            CheckLint.report(lint, session.out());
            session.out()
                    .println("No differences: the database is at the scripts' heads ("
                            + MoveCommands.at(session.engine().current()) + "); this application has no JPA entities to"
                            + " compare.");
            return 0;
        }
        CheckResult result = session.engine().check(entities);
        if (!result.diff().isEmpty()) {
            EntityComparison.report(result.diff(), session.out());
            throw new MigrationsException("New upgrade operations detected: the entities and the database differ in "
                    + result.diff().changes().size() + " step(s), listed above. Run `migrations revision --autogenerate"
                    + " -m \"...\"`, review the file and apply it.");
        }
        CheckLint.report(result.lint(), session.out());
        session.out()
                .println("No new upgrade operations detected: the database is at the scripts' heads ("
                        + MoveCommands.at(result.heads()) + ") and matches the entities.");
        return 0;
    }
}
