package dev.migrations.boot.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code java -jar app.jar migrations <command>} into one command run against the application's
 * own DataSource. Without {@code migrations} as the first argument it does nothing at all.
 * <ul>
 * <li>The arguments are parsed before anything starts: {@code --help} and usage errors answer at once,
 * and a mistyped {@code migrations} is refused with a hint instead of starting the application.</li>
 * <li>The context starts without a web server, without migrating on boot and with lazy beans (so JPA
 * starts only when the command compares the entities); command output goes to stdout, logs to stderr.</li>
 * <li>The command runs as soon as the context is refreshed, before the application's own runners; the
 * context is closed, then the JVM exits with the command's status.</li>
 * </ul>
 */
public final class MigrationsCommandLineRunListener implements SpringApplicationRunListener, Ordered {

    /** The first argument that selects the command line instead of the application. */
    public static final String COMMAND = "migrations";

    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final List<String> JPA_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    private final String[] args;
    private final MigrationsCommandLine commandLine;
    /** The exit status when parsing already answered (help, a usage error); null when a command is ready. */
    private final Integer answered;

    public MigrationsCommandLineRunListener(SpringApplication application, String[] args) {
        this.args = args;
        String[] commandArgs = commandArgs(args);
        if (commandArgs == null) {
            this.commandLine = null;
            this.answered = null;
            return;
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out =
                new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        this.commandLine = new MigrationsCommandLine(out, err);
        this.answered = commandLine.parse(commandArgs);
    }

    /** The arguments after {@code migrations}, or null when the application runs normally. */
    static String[] commandArgs(String[] args) {
        int at = firstPlainArgument(args);
        return at >= 0 && COMMAND.equals(args[at]) ? Arrays.copyOfRange(args, at + 1, args.length) : null;
    }

    /** The index of the first argument that is not one of Spring's {@code --name=value} options, or -1. */
    private static int firstPlainArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getOrder() {
        // Before Boot's event publishing listener, so logging is initialized with these settings.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Nothing has started yet, so exiting here skips no context and no hook of the application's. */
    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        if (commandLine == null) {
            String typo = KeywordTypos.nearMiss(args, firstPlainArgument(args));
            if (typo != null) {
                System.err.println("ERROR: '" + typo + "' is not a command of this application. To run a migrations"
                        + " command, write `" + COMMAND + "` (for example: java -jar app.jar " + COMMAND
                        + " upgrade head).");
                System.exit(2);
            }
            return;
        }
        if (answered != null) {
            System.exit(answered); // help or a usage error: answered before the application starts
        }
        // Command output owns stdout; everything else the application prints (logs included) goes to stderr.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, Charset.defaultCharset()));
    }

    @Override
    public void environmentPrepared(
            ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (commandLine == null || answered != null) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (AotDetector.useGeneratedArtifacts()) {
            // AOT fixed the context's type at build time: keep the servlet context, but start no server
            settings.put("server.port", "-1");
        } else {
            settings.put("spring.main.web-application-type", "none");
        }
        settings.put("spring.main.lazy-initialization", "true");
        settings.put("migrations.mode", "none");
        if (commandLine.needsEntities()) {
            // Hibernate must leave the schema alone (the point is that it differs from the entities),
            // and its mapping model is captured for the comparison before anything renders DDL from it.
            settings.put("spring.jpa.hibernate.ddl-auto", "none");
            // a changed allocationSize is a difference to report, not a reason for Hibernate to refuse to start
            settings.put("spring.jpa.properties.hibernate.id.sequence.increment_size_mismatch_strategy", "log");
            settings.put(dev.migrations.boot.autoconfigure.EntitySchemaCapture.ENABLED, "true");
        } else {
            // Spring creates an EntityManagerFactory eagerly even with lazy beans (it is LoadTimeWeaverAware),
            // so JPA is left out unless the command compares the entities with the database.
            String excluded = environment.getProperty(EXCLUDE, "");
            settings.put(
                    EXCLUDE, (excluded.isBlank() ? "" : excluded + ",") + String.join(",", JPA_AUTO_CONFIGURATIONS));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("migrationsCommandLine", settings));
        // Quiet by default, but the user's own --logging.threshold.console=info still wins.
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "migrationsCommandLineDefaults",
                        Map.of(
                                "spring.main.banner-mode", "off",
                                "spring.main.log-startup-info", "false",
                                "logging.threshold.console", "warn")));
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        if (commandLine == null) {
            return;
        }
        int status = commandLine.run(context);
        // SpringApplication.exit closes the context first, so the application's own shutdown runs.
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** The context did not start: report it as a command failure, not as the application's. */
    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        if (commandLine == null) {
            return;
        }
        int status = commandLine.fail(exception);
        if (context != null && context.isActive()) {
            context.close();
        }
        System.exit(status);
    }
}
