package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.entities.Animal;
import dev.migrations.autogenerate.entities.Author;
import dev.migrations.autogenerate.entities.Book;
import dev.migrations.autogenerate.entities.Publisher;
import dev.migrations.autogenerate.entities.Shape;
import dev.migrations.autogenerate.entities.Vehicle;
import dev.migrations.autogenerate.hibernate.HibernateSchema;
import dev.migrations.autogenerate.hibernate.RenameHints;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Boots real Hibernate over a test database the way an application does, and hands back the
 * entities' schema as an integrator captures it while the session factory is built.
 */
final class HibernateBoot {

    /** The JPA corpus: every mapping feature autogenerate must read. */
    static final List<Class<?>> CORPUS = List.of(
            Author.class,
            Book.class,
            Publisher.class,
            Animal.class,
            Animal.Dog.class,
            Animal.Cat.class,
            Vehicle.class,
            Vehicle.Truck.class,
            Shape.class,
            Shape.Circle.class,
            Shape.Square.class);

    private HibernateBoot() {}

    /**
     * Boots a session factory over {@code entities} with {@code hbm2ddl.auto=action} and returns
     * the captured schema. Outside {@code validate}, a sequence whose increment differs from the
     * entities' is logged rather than fatal, as the command line sets it, so that the difference
     * can be diffed.
     */
    static SchemaSnapshot boot(TestDatabase db, List<Class<?>> entities, String action) {
        return capture(db, entities, action).schema();
    }

    /**
     * Boots over the migrated schema without touching it and writes one row of every concrete
     * entity: what the application will do first.
     */
    static void persistOneOfEach(TestDatabase db, List<Class<?>> entities) {
        capture(db, entities, "none", factory -> EntityRows.persistOneOfEach(factory, entities));
    }

    /** The entities' schema and their {@code @RenamedFrom} hints, as the command line captures them. */
    record Captured(SchemaSnapshot schema, Renames hints) {}

    static Captured capture(TestDatabase db, List<Class<?>> entities, String action) {
        return capture(db, entities, action, factory -> {});
    }

    private static Captured capture(
            TestDatabase db, List<Class<?>> entities, String action, Consumer<SessionFactory> use) {
        Captured[] captured = new Captured[1];
        Integrator capture = new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor factory) {
                captured[0] = new Captured(HibernateSchema.from(metadata), RenameHints.from(metadata));
            }
        };
        String dialect = switch (db.kind()) {
            case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
            case H2 -> "org.hibernate.dialect.H2Dialect";
            case SQLITE -> "org.hibernate.community.dialect.SQLiteDialect";
            case MARIADB -> "org.hibernate.dialect.MariaDBDialect";
        };
        String mismatch = action.equals("validate") ? "exception" : "log";
        var bootstrap =
                new BootstrapServiceRegistryBuilder().applyIntegrator(capture).build();
        try (StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySettings(settings(db, dialect, action, mismatch))
                .build()) {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                assertThat(factory).isNotNull();
                use.accept(factory);
            }
        }
        return captured[0];
    }

    /**
     * MySQL and MariaDB keep the case of unquoted table names on Linux (lower_case_table_names=0),
     * while autogenerate reads unquoted entity names in lower case: there the entities get lower-case
     * names, as Spring Boot's default naming strategy gives them.
     */
    private static Map<String, Object> settings(TestDatabase db, String dialect, String action, String mismatch) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "hibernate.connection.datasource",
                db.dataSource(),
                "hibernate.dialect",
                dialect,
                "hibernate.hbm2ddl.auto",
                action,
                "hibernate.id.sequence.increment_size_mismatch_strategy",
                mismatch));
        if (db.kind() == dev.migrations.testing.TestDatabases.Kind.MARIADB) {
            settings.put(
                    "hibernate.physical_naming_strategy",
                    "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        }
        return settings;
    }
}
