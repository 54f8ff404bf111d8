package dev.migrations.boot.cli;

import dev.migrations.MigrationsException;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.inspect.SchemaSnapshot;
import dev.migrations.autogenerate.render.DiffReport;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/** The entities compared with the database, for {@code revision --autogenerate} and {@code check}. */
final class EntityComparison {

    private EntityComparison() {
    }

    /** The entities' schema, or null when the application has no Hibernate entities. */
    static @Nullable SchemaSnapshot entities(MigrationsCommandLine.Session session) {
        if (!ClassUtils.isPresent("org.hibernate.integrator.spi.Integrator", EntityComparison.class.getClassLoader())) {
            return null; // no Hibernate: touching the capture class would fail to load it
        }
        return EntitySchemaCapture.of(session.context());
    }

    /** The entities compared with the database; fails when the application has no Hibernate entities. */
    static SchemaDiff diff(MigrationsCommandLine.Session session, Renames renames,
            SchemaComparator.UnmanagedTables unmanaged) {
        SchemaSnapshot entities = entities(session);
        if (entities == null) {
            throw new MigrationsException("--autogenerate compares the application's JPA entities with the database,"
                    + " but this application has no Hibernate EntityManagerFactory. Write the revision by hand (run"
                    + " without --autogenerate).");
        }
        return session.engine().compareWith(entities, renames, unmanaged);
    }

    /** Alembic's "Detected ..." lines, each risky step's warning, and what was seen but left alone. */
    static void report(SchemaDiff diff, PrintWriter out) {
        DiffReport.lines(diff).forEach(out::println);
    }
}
