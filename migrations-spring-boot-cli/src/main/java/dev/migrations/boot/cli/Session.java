package dev.migrations.boot.cli;

import dev.migrations.Migrations;
import dev.migrations.api.MigrationsException;
import java.io.PrintWriter;
import java.util.function.Supplier;
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
    private final ThreadLocal<Migrations> tenantEngine = new ThreadLocal<>();
    private final ThreadLocal<PrintWriter> tenantOut = new ThreadLocal<>();

    Session(PrintWriter out) {
        this.out = out;
    }

    void attach(ApplicationContext applicationContext) {
        this.context = applicationContext;
    }

    PrintWriter out() {
        PrintWriter own = tenantOut.get();
        return own != null ? own : out;
    }

    /** Makes {@code selected} the engine every command uses: the instance or tenant the arguments chose. */
    void select(Migrations selected) {
        this.engine = selected;
    }

    /** Runs {@code work} on this thread with a tenant's engine and an output of its own. */
    <T> T asTenant(Migrations tenant, PrintWriter output, Supplier<T> work) {
        tenantEngine.set(tenant);
        tenantOut.set(output);
        try {
            return work.get();
        } finally {
            tenantEngine.remove();
            tenantOut.remove();
        }
    }

    ApplicationContext context() {
        if (context == null) {
            throw new IllegalStateException("The command runs before the application context is ready");
        }
        return context;
    }

    /** The application's engine, created on first use. */
    Migrations engine() {
        Migrations tenant = tenantEngine.get();
        if (tenant != null) {
            return tenant;
        }
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
