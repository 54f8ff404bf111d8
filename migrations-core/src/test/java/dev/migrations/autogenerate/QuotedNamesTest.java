package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.quoted.OrderLine;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An entity mapped to a quoted mixed-case table ({@code @Table(name = "\"OrderLine\"")}) goes
 * through generate, apply and Hibernate's own {@code validate} boot, then takes a row: the table
 * keeps the case it was given on every database, and the generated file names it one way only.
 */
class QuotedNamesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aQuotedMixedCaseTableIsCreatedAsNamedAndValidates(Kind kind) throws Exception {
        List<Class<?>> entities = List.of(OrderLine.class);
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            GeneratedRevisions revisions = new GeneratedRevisions(tmp);
            SchemaSnapshot model = HibernateBoot.boot(db, entities, "none");
            String source = revisions.write(db, model, Renames.NONE, "order lines");
            assertThat(source)
                    .contains("ops.createTable(\"OrderLine\",", "column(\"UnitPrice\", INTEGER).notNull()")
                    .doesNotContain("\"orderline\"", "\"unitprice\"");
            revisions.migrations(db).upgrade("heads");

            HibernateBoot.boot(db, entities, "validate");
            HibernateBoot.persistOneOfEach(db, entities);
            Autogenerate autogenerate = new Autogenerate(
                    Platforms.named(kind.name()),
                    null,
                    Set.of("migrations_version", "migrations_history"),
                    SchemaComparator.UnmanagedTables.REPORT);
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(autogenerate.diff(c, model).changes())
                        .as("second diff")
                        .isEmpty();
            }
        }
    }
}
