package dev.migrations.boot.cli;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code migrations} command and its subcommands, with Alembic's names, arguments and output.
 * Exit status: 0 success, 1 a failed command (or {@code check} finding differences), 2 bad usage.
 */
@Command(name = "migrations", mixinStandardHelpOptions = true, version = "migrations 0.1.0",
        description = "Runs one migrations command against this application's database, then exits.",
        synopsisSubcommandLabel = "COMMAND")
public final class MigrationsCommandLine implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs one command line (the arguments after {@code migrations}) and returns its exit status. */
    public static int execute(ApplicationContext context, PrintWriter out, PrintWriter err, String... args) {
        Session session = new Session(() -> engine(context), context, out);
        CommandLine commandLine = new CommandLine(new MigrationsCommandLine());
        for (Object command : new Object[] {
                new MoveCommands.Upgrade(session), new MoveCommands.Downgrade(session), new MoveCommands.Stamp(session),
                new ReadCommands.Current(session), new ReadCommands.History(session), new ReadCommands.Heads(session),
                new ReadCommands.Branches(session), new ReadCommands.Show(session),
                new ScriptCommands.Revision(session), new ScriptCommands.Merge(session), new CheckCommand(session)}) {
            commandLine.addSubcommand(command);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println(e instanceof MigrationsException ? "ERROR: " + e.getMessage() : "ERROR: " + e);
            if (!(e instanceof MigrationsException)) {
                e.printStackTrace(cl.getErr());
            }
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine.execute(args);
    }

    private static Migrations engine(ApplicationContext context) {
        try {
            return context.getBean(Migrations.class);
        } catch (NoSuchBeanDefinitionException e) {
            throw new MigrationsException("This application has no migrations engine: migrations.enabled is false,"
                    + " or there is no DataSource (set spring.datasource.url or migrations.url).", e);
        }
    }

    /** Without a command: fail with the usage, as Alembic does. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** What every command works with: the engine (created on first use), the context and the output. */
    record Session(Supplier<Migrations> migrations, ApplicationContext context, PrintWriter out) {

        Migrations engine() {
            return migrations.get();
        }
    }
}
