package dev.migrations.boot.cli;

import dev.migrations.MigrationsException;
import dev.migrations.Validation;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.inspect.SchemaSnapshot;
import picocli.CommandLine.Command;

/**
 * {@code check}: fails unless the database is at the scripts' heads with no checksum drift and,
 * when the application has JPA entities, matches them (Alembic's check).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Exit non-zero unless the database is at the scripts' heads and matches the entities.")
final class CheckCommand extends SessionCommand {

    CheckCommand(MigrationsCommandLine.Session session) {
        super(session);
    }

    @Override
    public Integer call() {
        Validation validation = session.engine().validate();
        validation.requireValid();
        String at = MoveCommands.at(validation.currentHeads());
        SchemaSnapshot entities = EntityComparison.entities(session);
        if (entities == null) {
            session.out().println("No differences: the database is at the scripts' heads (" + at + "); this"
                    + " application has no JPA entities to compare.");
            return 0;
        }
        SchemaDiff diff = session.engine().compareWith(entities);
        if (!diff.isEmpty()) {
            EntityComparison.report(diff, session.out());
            throw new MigrationsException("New upgrade operations detected: the entities and the database differ in "
                    + diff.changes().size() + " step(s), listed above. Run `migrations revision --autogenerate -m"
                    + " \"...\"`, review the file and apply it.");
        }
        session.out().println("No new upgrade operations detected: the database is at the scripts' heads (" + at
                + ") and matches the entities.");
        return 0;
    }
}
