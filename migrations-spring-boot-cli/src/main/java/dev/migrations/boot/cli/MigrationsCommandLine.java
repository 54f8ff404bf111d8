package dev.migrations.boot.cli;

import dev.migrations.api.MigrationsException;
import dev.migrations.boot.autoconfigure.SpringSettingNames;
import java.io.PrintWriter;
import java.util.List;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code migrations} command and its subcommands, with Alembic's names, arguments and output.
 * The grammar lives here only: the arguments are parsed once, before the application starts, and
 * the parsed command runs once its context is ready. Exit status: 0 success, 1 a failed command
 * (or {@code check} finding differences), 2 bad usage.
 */
@Command(
        name = "migrations",
        mixinStandardHelpOptions = true,
        version = "migrations 0.1.0",
        description = "Runs one migrations command against this application's database, then exits.",
        synopsisSubcommandLabel = "COMMAND")
public final class MigrationsCommandLine implements Runnable {

    /** The command names, for telling a mistyped {@code migrations} keyword from an application argument. */
    static final List<String> COMMANDS = List.of(
            "upgrade",
            "downgrade",
            "stamp",
            "current",
            "history",
            "heads",
            "branches",
            "show",
            "revision",
            "merge",
            "check",
            "lint");

    @Spec
    private CommandSpec spec;

    private final Session session;
    private final CommandLine commandLine;
    private final PrintWriter err;
    private ParseResult parsed;
    private Selection selection = Selection.NONE;

    @Option(
            names = "--instance",
            paramLabel = "NAME",
            description = "The instance to run for (migrations.instances.<name>); default: the only one, or each in"
                    + " order.")
    private String instance;

    @Option(names = "--tenant", paramLabel = "NAME", description = "Run for one tenant of the instance.")
    private String tenant;

    @Option(
            names = "--all-tenants",
            description = "Run for every tenant of the instance: one line per tenant, non-zero exit if any failed.")
    private boolean allTenants;

    MigrationsCommandLine(PrintWriter out, PrintWriter err) {
        this.session = new Session(out);
        this.err = err;
        this.commandLine = new CommandLine(this);
        for (Object command : new Object[] {
            new MoveCommands.Upgrade(session),
            new MoveCommands.Downgrade(session),
            new MoveCommands.Stamp(session),
            new ReadCommands.Current(session),
            new ReadCommands.History(session),
            new ReadCommands.Heads(session),
            new ReadCommands.Branches(session),
            new ReadCommands.Show(session),
            new ScriptCommands.Revision(session),
            new ScriptCommands.Merge(session),
            new CheckCommand(session),
            new LintCommand(session)
        }) {
            commandLine.addSubcommand(command);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
    }

    /**
     * Parses the arguments after {@code migrations}. Returns an exit status when nothing is left to
     * run (help or version printed: 0; a usage error printed: 2), null when a command is ready.
     */
    Integer parse(String... arguments) {
        String[] args;
        try {
            Selection.Extracted extracted = Selection.extract(arguments);
            selection = extracted.selection();
            args = extracted.rest();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            commandLine.usage(err);
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (CommandLine.executeHelpRequest(parsed) != null) {
            commandLine.getOut().flush();
            return CommandLine.ExitCode.OK;
        }
        if (!parsed.hasSubcommand()) {
            err.println("Missing command");
            commandLine.usage(err);
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        return null;
    }

    /** Whether the parsed command compares the entities with the database. */
    boolean needsEntities() {
        Object command = parsed.subcommand().commandSpec().userObject();
        return command instanceof SessionCommand sessionCommand && sessionCommand.needsEntities();
    }

    /** Runs the parsed command against the application; returns its exit status. */
    int run(ApplicationContext context) {
        session.attach(context);
        CommandLine subcommand = parsed.subcommand().commandSpec().commandLine();
        try {
            Integer status = new SelectedRun(
                            session, selection, subcommand.getCommandName(), (SessionCommand) subcommand.getCommand())
                    .call();
            return status == null ? CommandLine.ExitCode.OK : status;
        } catch (RuntimeException e) {
            return fail(e);
        } finally {
            session.out().flush();
            err.flush();
        }
    }

    /** Reports a failure on stderr as {@code ERROR: ...}; a stack trace only for the unexpected. */
    int fail(Throwable e) {
        MigrationsException known = migrationsCause(e);
        if (known != null) {
            err.println("ERROR: " + SpringSettingNames.translate(known.getMessage()));
        } else {
            err.println("ERROR: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The engine's own exception behind a failure, also when a bean's creation wrapped it. */
    private static MigrationsException migrationsCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MigrationsException m) {
                return m;
            }
        }
        return null;
    }

    /** Without a command: fail with the usage, as Alembic does. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
