package dev.migrations.boot.cli;

import dev.migrations.Validation;
import picocli.CommandLine.Command;

/**
 * {@code check}: fails unless the database is at the scripts' heads with no checksum drift, the
 * precondition of Alembic's check (which then compares the models; that part comes with autogenerate).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Exit non-zero unless the database is up to date with the scripts.")
final class CheckCommand extends SessionCommand {

    CheckCommand(MigrationsCommandLine.Session session) {
        super(session);
    }

    @Override
    public Integer call() {
        Validation validation = session.engine().validate();
        validation.requireValid();
        session.out().println("No differences: the database is at the scripts' heads ("
                + MoveCommands.at(validation.currentHeads()) + ").");
        return 0;
    }
}
