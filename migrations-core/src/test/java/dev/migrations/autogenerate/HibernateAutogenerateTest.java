package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.entities.Author;
import dev.migrations.autogenerate.entities.Animal;
import dev.migrations.autogenerate.entities.Book;
import dev.migrations.autogenerate.entities.Publisher;
import dev.migrations.autogenerate.entities.Shape;
import dev.migrations.autogenerate.entities.Vehicle;
import dev.migrations.autogenerate.hibernate.HibernateSchema;
import dev.migrations.autogenerate.inspect.SchemaSnapshot;
import dev.migrations.autogenerate.render.JavaOpsRenderer;
import dev.migrations.ddl.Dialect;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.UniqueConstraint;
import dev.migrations.runtime.DirectOps;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real Hibernate metadata on each database: a schema Hibernate itself created diffs empty, and
 * an empty database gets the ops that, once applied, leave nothing to diff.
 */
class HibernateAutogenerateTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void schemaHibernateCreatedDiffsEmpty(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            try (StandardServiceRegistry registry = registry(db, "create");
                    SessionFactory created = metadata(registry).buildSessionFactory()) {
                assertThat(created).isNotNull();
            }
            {
                SchemaSnapshot entities = capture(db);
                SchemaDiff diff = diff(db, entities);
                String ops = new JavaOpsRenderer().upgrade(diff);
                if (kind == Kind.SQLITE) {
                    // Hibernate's SQLite DDL leaves out foreign keys and table-level unique keys, and
                    // writes author.id with no type, so no rowid: exactly what the diff adds back.
                    assertThat(diff.changes()).as("%s", ops).allSatisfy(change -> assertThat(
                            change.upgrade() instanceof AddConstraint add && (add.constraint() instanceof ForeignKey
                                    || add.constraint() instanceof UniqueConstraint)
                                    || change.upgrade() instanceof AlterColumn alter && alter.table().equals("author")
                                            && alter.column().equals("id")).isTrue());
                    assertThat(ops).contains("ops.addConstraint(\"book\", foreignKey(\"book_author_id_fkey\","
                            + " \"author_id\").references(\"author\", \"id\").onDelete(CASCADE));",
                            "ops.addConstraint(\"author\", unique(\"uq_author_pen_name\", \"pen_name\"));");
                } else {
                    assertThat(diff.changes()).as("%s", ops).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedOpsBuildWhatTheEntitiesMap(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            SchemaSnapshot entities = capture(db);
            SchemaDiff diff = diff(db, entities);
            assertThat(diff.changes()).isNotEmpty();
            try (Connection c = db.dataSource().getConnection()) {
                DirectOps.apply(c, Dialect.valueOf(kind.name()),
                        diff.changes().stream().map(ch -> ch.upgrade()).toList());
            }
            SchemaDiff again = diff(db, entities);
            assertThat(again.changes()).as("%s", new JavaOpsRenderer().upgrade(again)).isEmpty();
        }
    }

    private static SchemaDiff diff(TestDatabase db, SchemaSnapshot entities) throws Exception {
        Autogenerate autogenerate = new Autogenerate(Dialect.valueOf(db.kind().name()), null,
                Set.of("migrations_version", "migrations_history"), SchemaComparator.UnmanagedTables.REPORT);
        try (Connection c = db.dataSource().getConnection()) {
            return autogenerate.diff(c, entities);
        }
    }

    /** As the application's bootstrap hands it over: through an integrator, while the session factory is built. */
    private static SchemaSnapshot capture(TestDatabase db) {
        SchemaSnapshot[] captured = new SchemaSnapshot[1];
        Integrator capture = new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor factory) {
                captured[0] = HibernateSchema.from(metadata);
            }
        };
        var bootstrap = new BootstrapServiceRegistryBuilder().applyIntegrator(capture).build();
        try (StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySettings(settings(db, "none")).build();
                SessionFactory factory = metadata(registry).buildSessionFactory()) {
            assertThat(factory).isNotNull();
        }
        return captured[0];
    }

    private static StandardServiceRegistry registry(TestDatabase db, String action) {
        return new StandardServiceRegistryBuilder().applySettings(settings(db, action)).build();
    }

    private static Map<String, Object> settings(TestDatabase db, String action) {
        String dialect = switch (db.kind()) {
            case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
            case H2 -> "org.hibernate.dialect.H2Dialect";
            case SQLITE -> "org.hibernate.community.dialect.SQLiteDialect";
        };
        return Map.of("hibernate.connection.datasource", db.dataSource(), "hibernate.dialect", dialect,
                "hibernate.hbm2ddl.auto", action);
    }

    private static Metadata metadata(StandardServiceRegistry registry) {
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> entity : List.of(Author.class, Book.class, Publisher.class, Animal.class, Animal.Dog.class,
                Animal.Cat.class, Vehicle.class, Vehicle.Truck.class, Shape.class, Shape.Circle.class,
                Shape.Square.class)) {
            sources.addAnnotatedClass(entity);
        }
        return sources.buildMetadata();
    }
}
