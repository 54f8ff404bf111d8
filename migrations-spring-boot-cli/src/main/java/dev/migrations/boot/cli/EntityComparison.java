package dev.migrations.boot.cli;

import dev.migrations.api.MigrationsException;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.render.DiffReport;
import dev.migrations.boot.autoconfigure.EntitySchemaCapture;
import dev.migrations.schema.SchemaSnapshot;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/** The application's entities, for {@code revision --autogenerate} and {@code check}. */
final class EntityComparison {

    private EntityComparison() {}

    /** The entities' schema, or null when the application has no Hibernate entities. */
    static @Nullable SchemaSnapshot entities(Session session) {
        if (!ClassUtils.isPresent("org.hibernate.integrator.spi.Integrator", EntityComparison.class.getClassLoader())) {
            return null; // no Hibernate: touching the capture class would fail to load it
        }
        return EntitySchemaCapture.of(session.context());
    }

    /** The entities' {@code @RenamedFrom} hints (none without Hibernate). */
    static Renames renameHints(Session session) {
        if (!ClassUtils.isPresent("org.hibernate.integrator.spi.Integrator", EntityComparison.class.getClassLoader())) {
            return Renames.NONE;
        }
        return EntitySchemaCapture.renameHintsOf(session.context());
    }

    /** The entities' schema; fails when the application has no Hibernate entities. */
    static SchemaSnapshot requireEntities(Session session) {
        SchemaSnapshot entities = entities(session);
        if (entities == null) {
            throw new MigrationsException("--autogenerate compares the application's JPA entities with the database,"
                    + " but this application has no Hibernate EntityManagerFactory. Write the revision by hand (run"
                    + " without --autogenerate).");
        }
        return entities;
    }

    /** Alembic's "Detected ..." lines, each risky step's warning, and what was seen but left alone. */
    static void report(SchemaDiff diff, PrintWriter out) {
        DiffReport.lines(diff).forEach(out::println);
    }
}
