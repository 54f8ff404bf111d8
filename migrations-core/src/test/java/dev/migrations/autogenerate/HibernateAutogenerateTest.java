package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.entities.Author;
import dev.migrations.autogenerate.entities.Book;
import dev.migrations.autogenerate.hibernate.HibernateSchema;
import dev.migrations.autogenerate.inspect.SchemaSnapshot;
import dev.migrations.autogenerate.render.JavaOpsRenderer;
import dev.migrations.ddl.Dialect;
import dev.migrations.runtime.DirectOps;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
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
            try (StandardServiceRegistry registry = registry(db, "none")) {
                SchemaSnapshot entities = HibernateSchema.from(metadata(registry));
                SchemaDiff diff = diff(db, entities);
                String ops = new JavaOpsRenderer().upgrade(diff);
                if (kind == Kind.SQLITE) {
                    // Hibernate's SQLite DDL leaves out foreign keys and table-level unique keys, and
                    // writes author.id with no type, so no rowid: exactly what the diff adds back.
                    assertThat(ops.lines().filter(l -> !l.startsWith("//")).toList()).containsExactlyInAnyOrder(
                            "ops.alterColumn(\"author\", \"id\", c -> c.type(BIGINT).nullable(false));",
                            "ops.addConstraint(\"author\", unique(\"uq_author_pen_name\", \"pen_name\"));",
                            "ops.addConstraint(\"book\", foreignKey(\"book_author_id_fkey\", \"author_id\")"
                                    + ".references(\"author\", \"id\").onDelete(CASCADE));");
                } else {
                    assertThat(diff.changes()).as("%s", ops).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedOpsBuildWhatTheEntitiesMap(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp); StandardServiceRegistry registry = registry(db, "none")) {
            SchemaSnapshot entities = HibernateSchema.from(metadata(registry));
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

    private static StandardServiceRegistry registry(TestDatabase db, String action) {
        String dialect = switch (db.kind()) {
            case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
            case H2 -> "org.hibernate.dialect.H2Dialect";
            case SQLITE -> "org.hibernate.community.dialect.SQLiteDialect";
        };
        return new StandardServiceRegistryBuilder().applySettings(Map.of(
                "hibernate.connection.datasource", db.dataSource(),
                "hibernate.dialect", dialect,
                "hibernate.hbm2ddl.auto", action)).build();
    }

    private static Metadata metadata(StandardServiceRegistry registry) {
        return new MetadataSources(registry).addAnnotatedClass(Author.class).addAnnotatedClass(Book.class)
                .buildMetadata();
    }
}
