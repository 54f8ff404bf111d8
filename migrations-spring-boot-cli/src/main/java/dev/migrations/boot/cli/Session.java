package dev.migrations.boot.cli;

import dev.migrations.Migrations;
import dev.migrations.api.MigrationsException;
import java.io.PrintWriter;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;

/**
 * What every command works with: the command output, and the application once its context is
 * refreshed. The commands are built and their options parsed before that, so {@code --help} and
 * usage errors never start the application.
 */
final class Session {

    private final PrintWriter out;
    private ApplicationContext context;
    private Migrations engine;

    Session(PrintWriter out) {
        this.out = out;
    }

    void attach(ApplicationContext applicationContext) {
        this.context = applicationContext;
    }

    PrintWriter out() {
        return out;
    }

    ApplicationContext context() {
        if (context == null) {
            throw new IllegalStateException("The command runs before the application context is ready");
        }
        return context;
    }

    /** The application's engine, created on first use. */
    Migrations engine() {
        if (engine == null) {
            try {
                engine = context().getBean(Migrations.class);
            } catch (NoSuchBeanDefinitionException e) {
                throw new MigrationsException(
                        "This application has no migrations engine: migrations.enabled is false,"
                                + " or there is no DataSource (set spring.datasource.url or migrations.url).",
                        e);
            }
        }
        return engine;
    }
}
