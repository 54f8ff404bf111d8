package dev.migrations.boot.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code java -jar app.jar migrations <command>} into one command run against the application's
 * own DataSource: the context starts without a web server, without migrating on boot and with lazy
 * beans (so JPA starts only when the command asks for the entities); the command runs as soon as
 * the context is refreshed, before the application's own runners, and the JVM exits with its status.
 */
public final class MigrationsCommandLineRunListener implements SpringApplicationRunListener, Ordered {

    /** The first argument that selects the command line instead of the application. */
    public static final String COMMAND = "migrations";

    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final List<String> JPA_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    private final String[] commandArgs;

    public MigrationsCommandLineRunListener(SpringApplication application, String[] args) {
        this.commandArgs = commandArgs(args);
    }

    /** The arguments after {@code migrations}, or null when the application runs normally. */
    static String[] commandArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                continue; // Spring's own --name=value arguments may come first
            }
            return COMMAND.equals(args[i]) ? Arrays.copyOfRange(args, i + 1, args.length) : null;
        }
        return null;
    }

    /** {@code check} and {@code revision --autogenerate} read the entities; nothing else does. */
    static boolean needsEntities(String[] commandArgs) {
        List<String> args = List.of(commandArgs);
        String command = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        return command.equals("check") || (command.equals("revision") && args.contains("--autogenerate"));
    }

    @Override
    public int getOrder() {
        // Before Boot's event publishing listener, so logging is initialized with these settings.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (commandArgs == null) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.main.web-application-type", "none");
        settings.put("spring.main.lazy-initialization", "true");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.main.log-startup-info", "false");
        settings.put("logging.threshold.console", "warn");
        settings.put("migrations.mode", "none");
        if (needsEntities(commandArgs)) {
            // Hibernate must leave the schema alone (the point is that it differs from the entities),
            // and its mapping model is captured for the comparison before anything renders DDL from it.
            settings.put("spring.jpa.hibernate.ddl-auto", "none");
            // a changed allocationSize is a difference to report, not a reason for Hibernate to refuse to start
            settings.put("spring.jpa.properties.hibernate.id.sequence.increment_size_mismatch_strategy", "log");
            settings.put(EntitySchemaCapture.ENABLED, "true");
        } else {
            // Spring creates an EntityManagerFactory eagerly even with lazy beans (it is LoadTimeWeaverAware),
            // so JPA is left out unless the command compares the entities with the database.
            String excluded = environment.getProperty(EXCLUDE, "");
            settings.put(EXCLUDE, (excluded.isBlank() ? "" : excluded + ",") + String.join(",", JPA_AUTO_CONFIGURATIONS));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("migrationsCommandLine", settings));
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        if (commandArgs == null) {
            return;
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        int status = MigrationsCommandLine.execute(context, out, err, commandArgs);
        out.flush();
        err.flush();
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
