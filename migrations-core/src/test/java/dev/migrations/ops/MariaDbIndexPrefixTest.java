package dev.migrations.ops;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.prefix;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.autogenerate.Autogenerate;
import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.autogenerate.render.JavaOpsRenderer;
import dev.migrations.internal.runtime.DirectOps;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB: an index over a prefix of a column round-trips (created, read back with its length,
 * dropped), and a diff against entities, which cannot give prefix lengths, is empty; a key over the
 * limit fails naming the index, its columns and their bytes, and once given prefixes the revision
 * resumes; autogenerate writes the prefixes the scratch build needed, with a warning.
 */
class MariaDbIndexPrefixTest {

    private static final DatabasePlatform MARIADB = Platforms.named("mariadb");
    private static final Set<String> OWN = Set.of("migrations_version", "migrations_history");

    @TempDir
    Path dir;

    @Test
    void aPrefixIndexRoundTripsAndEntitiesWithoutThePrefixShowNoDifference() throws Exception {
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            f.roundTrip(
                    CodeRevisions.reversible(
                            "op", "setup", ops -> ops.createIndex(index("ix_user_email", "user", prefix("email", 50)))),
                    () -> {
                        try (Connection c = f.db.dataSource().getConnection()) {
                            SchemaSnapshot live = MARIADB.inspector().inspect(c, null, OWN);
                            Index read = live.table("user").orElseThrow().indexes().stream()
                                    .filter(i -> i.name().equals("ix_user_email"))
                                    .findFirst()
                                    .orElseThrow();
                            assertThat(read.columns()).containsExactly("email(50)");
                            Autogenerate autogenerate =
                                    new Autogenerate(MARIADB, null, OWN, SchemaComparator.UnmanagedTables.REPORT);
                            assertThat(autogenerate.diff(c, live).changes())
                                    .as("the schema as read back")
                                    .isEmpty();
                            assertThat(autogenerate
                                            .diff(c, withoutPrefixes(live))
                                            .changes())
                                    .as("entities, which give no prefix")
                                    .isEmpty();
                        }
                    });
        }
    }

    @Test
    void aKeyOverTheLimitFailsWithItsBytesAndResumesOnceGivenPrefixes() throws Exception {
        MigrationScript tooLong = wide(index("ix_wide_ab", "wide", "a", "b"));
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = f.migrations(tooLong);
            m.upgrade("setup");
            assertThatThrownBy(() -> m.upgrade("op"))
                    .hasMessageContaining("Revision op")
                    .hasMessageContaining("Specified key was too long; max key length is 3072 bytes")
                    .hasMessageContaining("Index ix_wide_ab on wide over a, b would be 5600 bytes (a 2800 bytes, b 2800"
                            + " bytes, up to 4 bytes a character), over the server's limit of 3072 bytes")
                    .hasMessageContaining("prefix(\"column\", n) in index(...)")
                    .hasMessageContaining("768 characters fit");

            MigrationScript fixed = wide(index("ix_wide_ab", "wide", prefix("a", 300), prefix("b", 300)));
            Migrations again = f.migrations(fixed);
            again.upgrade("op"); // resumes at the index: the table is there already
            assertThat(again.current()).containsExactly("op");
            assertThat(f.count("SELECT SUM(SUB_PART) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA ="
                            + " DATABASE() AND INDEX_NAME = 'ix_wide_ab'"))
                    .isEqualTo(600);
        }
    }

    /** The table does not exist after the failure: the key's bytes come from the operation's column types. */
    @Test
    void aPrimaryKeyOverTheLimitInANewTableIsExplainedFromItsDefinition() throws Exception {
        MigrationScript codes = CodeRevisions.of(
                "op",
                "setup",
                ops -> ops.createTable("codes", column("code", varchar(1000)).primaryKey()),
                ops -> ops.dropTable("codes"));
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = f.migrations(codes);
            m.upgrade("setup");
            assertThatThrownBy(() -> m.upgrade("op"))
                    .hasMessageContaining("Revision op")
                    .hasMessageContaining("of table codes over code would be 4000 bytes (code 4000 bytes")
                    .hasMessageContaining("make it an index over a prefix (uniqueIndex(..., prefix(\"column\", n)))");
            assertThat(m.current()).containsExactly("setup");
        }
    }

    @Test
    void autogenerateWritesThePrefixesTheKeyNeedsWithAWarning() throws Exception {
        Table wide = Table.of(
                "wide",
                column("id", dev.migrations.schema.ColumnType.BIGINT).primaryKey(),
                column("a", varchar(700)),
                column("b", varchar(700)),
                index("ix_wide_ab", "wide", "a", "b"));
        SchemaSnapshot entities = new SchemaSnapshot(List.of(wide), List.of());
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir);
                Connection c = f.db.dataSource().getConnection()) {
            Autogenerate autogenerate = new Autogenerate(MARIADB, null, OWN, SchemaComparator.UnmanagedTables.REPORT);
            SchemaDiff diff = autogenerate.diff(c, entities);
            assertThat(diff.changes())
                    .map(SchemaChange::upgrade)
                    .filteredOn(op -> op instanceof CreateIndex)
                    .singleElement()
                    .extracting(op -> ((CreateIndex) op).index().columns())
                    .isEqualTo(List.of("a(384)", "b(384)"));
            assertThat(new JavaOpsRenderer().upgrade(diff))
                    .contains("// WARNING: index ix_wide_ab on wide is longer than the database allows for a key, so it"
                            + " covers the first characters of a(384), b(384)")
                    .contains("ops.createIndex(index(\"ix_wide_ab\", \"wide\", \"a(384)\", \"b(384)\"));");

            DirectOps.apply(
                    c,
                    MARIADB,
                    diff.changes().stream().map(SchemaChange::upgrade).toList());
            assertThat(autogenerate.diff(c, entities).changes())
                    .as("second diff")
                    .isEmpty();
        }
    }

    private static MigrationScript wide(Index index) {
        return CodeRevisions.of(
                "op",
                "setup",
                ops -> {
                    ops.createTable(
                            "wide",
                            column("id", dev.migrations.schema.ColumnType.BIGINT)
                                    .primaryKey(),
                            column("a", varchar(700)),
                            column("b", varchar(700)));
                    ops.createIndex(index);
                },
                ops -> ops.dropTable("wide"));
    }

    private static SchemaSnapshot withoutPrefixes(SchemaSnapshot s) throws SQLException {
        return new SchemaSnapshot(
                s.tables().stream()
                        .map(t -> t.withIndexes(t.indexes().stream()
                                .map(i -> new Index(
                                        i.name(),
                                        i.schema(),
                                        i.table(),
                                        i.columns().stream()
                                                .map(Index::withoutPrefix)
                                                .toList(),
                                        i.unique(),
                                        i.where()))
                                .toList()))
                        .toList(),
                s.sequences());
    }
}
