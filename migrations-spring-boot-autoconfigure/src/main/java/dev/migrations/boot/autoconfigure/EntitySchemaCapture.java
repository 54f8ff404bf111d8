package dev.migrations.boot.autoconfigure;

import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.hibernate.HibernateSchema;
import dev.migrations.autogenerate.hibernate.RenameHints;
import dev.migrations.schema.SchemaSnapshot;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * Takes the schema the entities ask for from the application's own Hibernate bootstrap (its naming
 * strategies, converters and dialect), as the session factory is built and before anything renders
 * DDL from the model. Registered only for the commands that compare entities with the database.
 */
public final class EntitySchemaCapture implements Integrator {

    /** Set by the command line for {@code check} and {@code revision --autogenerate}. */
    public static final String ENABLED = "migrations.command-line.capture-entity-schema";

    private volatile @Nullable SchemaSnapshot schema;
    private volatile Renames renameHints = Renames.NONE;

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        this.schema = HibernateSchema.from(metadata);
        this.renameHints = RenameHints.from(metadata);
    }

    /** The entities' {@code @RenamedFrom} hints; none before a session factory was built. */
    public Renames renameHints() {
        return renameHints;
    }

    /** The {@code @RenamedFrom} hints of the application behind {@code context}'s entities. */
    public static Renames renameHintsOf(ApplicationContext context) {
        EntitySchemaCapture capture =
                context.getBeanProvider(EntitySchemaCapture.class).getIfAvailable();
        return capture == null ? Renames.NONE : capture.renameHints();
    }

    /** The entities' schema, or null when no session factory was built. */
    public @Nullable SchemaSnapshot schema() {
        return schema;
    }

    /**
     * The entities' schema of the application behind {@code context}, or null when it has no JPA
     * (no capture was registered, or no EntityManagerFactory exists).
     */
    public static @Nullable SchemaSnapshot of(ApplicationContext context) {
        EntitySchemaCapture capture =
                context.getBeanProvider(EntitySchemaCapture.class).getIfAvailable();
        if (capture == null) {
            return null;
        }
        context.getBeansOfType(EntityManagerFactory.class); // builds it, if lazy initialization held it back
        return capture.schema();
    }
}
