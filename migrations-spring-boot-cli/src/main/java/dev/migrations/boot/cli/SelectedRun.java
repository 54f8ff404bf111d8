package dev.migrations.boot.cli;

import dev.migrations.Migrations;
import dev.migrations.TenantResult;
import dev.migrations.TenantRun;
import dev.migrations.api.MigrationsException;
import dev.migrations.boot.autoconfigure.SpringSettingNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * Runs the parsed command for what the selection names: one instance (the only one, or {@code
 * --instance}), else every instance in order; within an instance one tenant ({@code --tenant}) or
 * all of them ({@code --all-tenants}, on the tenants' pool, one line per tenant and the summary).
 */
final class SelectedRun {

    private static final String ENGINE_SUFFIX = "Migrations";

    private final Session session;
    private final Selection selection;
    private final String commandName;
    private final SessionCommand command;

    SelectedRun(Session session, Selection selection, String commandName, SessionCommand command) {
        this.session = session;
        this.selection = selection;
        this.commandName = commandName;
        this.command = command;
    }

    int call() {
        Map<String, Migrations> instances = instances(session.context());
        if (instances.isEmpty()) {
            return runFor(session.engine()); // explains that there is no engine
        }
        if (selection.instance() != null) {
            return runFor(instance(instances, selection.instance()));
        }
        if (instances.size() == 1) {
            return runFor(instances.values().iterator().next());
        }
        for (Map.Entry<String, Migrations> entry : instances.entrySet()) {
            session.out().println("== instance " + entry.getKey() + " ==");
            int status = runFor(entry.getValue());
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    /** The engines by instance name, in name order: {@code orders} for the bean {@code ordersMigrations}. */
    private static Map<String, Migrations> instances(ApplicationContext context) {
        Map<String, Migrations> instances = new TreeMap<>();
        context.getBeansOfType(Migrations.class, false, false).forEach((bean, engine) -> {
            String name = bean.endsWith(ENGINE_SUFFIX) && bean.length() > ENGINE_SUFFIX.length()
                    ? bean.substring(0, bean.length() - ENGINE_SUFFIX.length())
                    : bean;
            instances.put(name, engine);
        });
        return instances;
    }

    private static Migrations instance(Map<String, Migrations> instances, String name) {
        Migrations found = instances.get(name);
        if (found == null) {
            throw new MigrationsException("No instance named " + name + ": this application has "
                    + String.join(", ", instances.keySet()) + " (migrations.instances.<name>).");
        }
        return found;
    }

    private int runFor(Migrations instance) {
        if (selection.tenant() != null) {
            session.select(instance.tenant(selection.tenant()));
            return command.call();
        }
        if (selection.allTenants()) {
            return allTenants(instance);
        }
        if (instance.tenants().configured() && command instanceof MoveCommands.Moving) {
            throw new MigrationsException("This instance migrates tenants: name one with --tenant NAME, or"
                    + " run for every tenant with --all-tenants.");
        }
        session.select(instance);
        return command.call();
    }

    private int allTenants(Migrations instance) {
        if (!instance.tenants().configured()) {
            throw new MigrationsException("--all-tenants: this instance has no tenants (set migrations.tenants.schemas,"
                    + " migrations.tenants.urls or define a MigrationsTenants bean).");
        }
        TenantRun<String> run = instance.tenants()
                .run(
                        instance.tenants().list(),
                        commandName,
                        tenant -> {
                            StringWriter buffer = new StringWriter();
                            PrintWriter output = new PrintWriter(buffer);
                            Integer status = session.asTenant(tenant, output, command::call);
                            output.flush();
                            if (status != null && status != 0) {
                                throw new MigrationsException(oneLine(buffer) + " (exit status " + status + ")");
                            }
                            return oneLine(buffer);
                        },
                        line -> "ok");
        PrintWriter out = session.out();
        for (TenantResult<String> result : run.results()) {
            out.println(result.tenant().name() + ": " + line(result));
        }
        out.println(run.summary());
        out.flush();
        return run.anyFailed() ? 1 : 0;
    }

    private static String line(TenantResult<String> result) {
        if (result.skipped()) {
            return "not started";
        }
        if (result.failed()) {
            String message =
                    SpringSettingNames.translate(String.valueOf(result.error().getMessage()));
            return "FAILED " + message.lines().findFirst().orElse(message);
        }
        return result.value();
    }

    private static String oneLine(StringWriter buffer) {
        return buffer.toString()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .collect(Collectors.joining(" | "));
    }
}
