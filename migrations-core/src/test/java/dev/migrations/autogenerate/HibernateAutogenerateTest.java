package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.render.JavaOpsRenderer;
import dev.migrations.internal.runtime.DirectOps;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.UniqueConstraint;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Set;
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
            HibernateBoot.boot(db, HibernateBoot.CORPUS, "create");
            {
                SchemaSnapshot entities = HibernateBoot.boot(db, HibernateBoot.CORPUS, "none");
                SchemaDiff diff = diff(db, entities);
                String ops = new JavaOpsRenderer().upgrade(diff);
                if (kind == Kind.SQLITE) {
                    // Hibernate's SQLite DDL leaves out foreign keys and table-level unique keys, and
                    // writes author.id with no type, so no rowid: exactly what the diff adds back.
                    assertThat(diff.changes())
                            .as("%s", ops)
                            .allSatisfy(change -> assertThat(change.upgrade() instanceof AddConstraint add
                                                    && (add.constraint() instanceof ForeignKey
                                                            || add.constraint() instanceof UniqueConstraint)
                                            || change.upgrade() instanceof AlterColumn alter
                                                    && alter.table().equals("author")
                                                    && alter.column().equals("id"))
                                    .isTrue());
                    assertThat(ops)
                            .contains(
                                    "ops.addConstraint(\"book\", foreignKey(\"book_author_id_fkey\","
                                            + " \"author_id\").references(\"author\", \"id\").onDelete(CASCADE));",
                                    "ops.addConstraint(\"author\", unique(\"uq_author_pen_name\", \"pen_name\"));");
                } else if (kind == Kind.H2) {
                    // Hibernate's H2 DDL writes an enum type for @Enumerated(STRING); the portable
                    // form, which every other database gets from Hibernate, is varchar + check
                    assertThat(ops)
                            .as("%s", ops)
                            .isEqualToIgnoringWhitespace(
                                    "// WARNING: changes the type of author.status from ENUM('ACTIVE','RETIRED') to"
                                            + " varchar(20): existing values may not convert, or may be cut\n"
                                            + "ops.alterColumn(\"author\", \"status\", c -> c.type(varchar(20)));\n"
                                            + "ops.addConstraint(\"author\", check(\"author_status_check\","
                                            + " \"status in ('ACTIVE','RETIRED')\"));");
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
            SchemaSnapshot entities = HibernateBoot.boot(db, HibernateBoot.CORPUS, "none");
            SchemaDiff diff = diff(db, entities);
            assertThat(diff.changes()).isNotEmpty();
            try (Connection c = db.dataSource().getConnection()) {
                DirectOps.apply(
                        c,
                        Platforms.named(kind.name()),
                        diff.changes().stream().map(ch -> ch.upgrade()).toList());
            }
            SchemaDiff again = diff(db, entities);
            assertThat(again.changes())
                    .as("%s", new JavaOpsRenderer().upgrade(again))
                    .isEmpty();
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
}
