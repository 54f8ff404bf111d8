package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.entities.Animal;
import dev.migrations.autogenerate.entities.Shape;
import dev.migrations.autogenerate.entities.Vehicle;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bar with the whole JPA corpus, on every database: empty database → autogenerate → compile
 * and apply → Hibernate's {@code validate} boots → a row of every entity is written through
 * Hibernate → the second diff is empty; the second entity version the same way; and the downgrade
 * brings back the first version's catalog byte for byte (check texts and defaults included: the
 * generated file spells them as a person would, and the database stores that spelling as it stored
 * the original).
 */
class HibernateEntityVersionsTest {

    /** Entities that do not change between the versions: the inheritance hierarchies. */
    private static final List<Class<?>> UNCHANGED = List.of(
            Animal.class,
            Animal.Dog.class,
            Animal.Cat.class,
            Vehicle.class,
            Vehicle.Truck.class,
            Shape.class,
            Shape.Circle.class,
            Shape.Square.class);

    private static final List<Class<?>> VERSION_ONE = HibernateBoot.CORPUS;
    static final List<Class<?>> VERSION_TWO = Stream.concat(
                    Stream.of(
                            dev.migrations.autogenerate.entities2.Author.class,
                                    dev.migrations.autogenerate.entities2.Book.class,
                            dev.migrations.autogenerate.entities2.Review.class,
                                    dev.migrations.autogenerate.entities2.Publisher.class),
                    UNCHANGED.stream())
            .toList();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoEntityVersionsGenerateApplyValidateAndGoBack(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            GeneratedRevisions revisions = new GeneratedRevisions(tmp);

            SchemaSnapshot one = HibernateBoot.boot(db, VERSION_ONE, "none");
            String first = revisions.write(db, one, Renames.NONE, "version one");
            if (kind != Kind.MARIADB) {
                // @Lob byte[] is a BLOB, which each database builds as Hibernate does there (oid on PostgreSQL)
                assertThat(first).contains("column(\"logo\", BLOB)").doesNotContain("rawType(");
            }
            if (kind == Kind.SQLITE) {
                assertThat(first)
                        .as("Hibernate's one-row sequence table is created with its row")
                        .contains("ops.bulkInsert(\"publisher_seq\", List.of(Map.of(\"next_val\", 1L)));");
            }
            revisions.migrations(db).upgrade("heads");
            validate(db, VERSION_ONE);
            HibernateBoot.persistOneOfEach(db, VERSION_ONE);
            assertThat(diff(db, one).changes()).as("second diff, version one").isEmpty();
            Catalog firstCatalog = Catalog.read(db);

            SchemaSnapshot two = HibernateBoot.boot(db, VERSION_TWO, "none");
            String source = revisions.write(db, two, Renames.NONE, "version two");
            assertThat(source)
                    .contains(
                            "// WARNING: changes the type of author.last_name",
                            "// WARNING: drops column author.token and its data",
                            "ops.addColumn(\"author\", column(\"nickname\", varchar(50)));",
                            "ops.createTable(\"review\",",
                            "ops.alterColumn(\"publisher_phone\", \"phone\", c -> c.type(varchar(40)));")
                    .doesNotContain("::");
            if (kind == Kind.POSTGRESQL) {
                assertThat(source)
                        .contains("ops.dropConstraint(\"author\", check(\"author_status_check\","
                                + " \"status in ('ACTIVE', 'RETIRED')\"));");
            }
            if (kind != Kind.SQLITE) {
                assertThat(source).contains("ops.alterSequence(\"publisher_seq\", s -> s.increment(50L));");
            }
            revisions.migrations(db).upgrade("heads");
            validate(db, VERSION_TWO);
            HibernateBoot.persistOneOfEach(db, VERSION_TWO);
            assertThat(diff(db, two).changes()).as("second diff, version two").isEmpty();

            revisions.migrations(db).downgrade("-1");
            assertThat(Catalog.read(db))
                    .as("the downgrade restores version one byte for byte:%n%s", source)
                    .isEqualTo(firstCatalog);
            assertThat(diff(db, one).changes()).isEmpty();
            if (kind == Kind.SQLITE) {
                try (Connection c = db.dataSource().getConnection();
                        var s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM publisher_seq");
                }
                assertThat(diff(db, one).changes())
                        .as("an emptied sequence table is a difference check reports and autogenerate fixes")
                        .extracting(change -> change.upgrade().describe())
                        .containsExactly("insert 1 row(s) into publisher_seq");
            }
        }
    }

    private static SchemaDiff diff(TestDatabase db, SchemaSnapshot entities) throws Exception {
        Autogenerate autogenerate = new Autogenerate(
                Platforms.named(db.kind().name()),
                null,
                Set.of("migrations_version", "migrations_history"),
                SchemaComparator.UnmanagedTables.REPORT);
        try (Connection c = db.dataSource().getConnection()) {
            return autogenerate.diff(c, entities);
        }
    }

    /**
     * Boots Hibernate with {@code ddl-auto=validate} on the migrated schema. Not on SQLite, where
     * Hibernate's validator refuses even the schema Hibernate itself creates (an INTEGER rowid for a
     * Long id).
     */
    private static void validate(TestDatabase db, List<Class<?>> entities) {
        if (db.kind() != Kind.SQLITE) {
            HibernateBoot.boot(db, entities, "validate");
        }
    }
}
