package dev.migrations.autogenerate;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.BOOLEAN;
import static dev.migrations.schema.Dsl.CASCADE;
import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.SET_NULL;
import static dev.migrations.schema.Dsl.TEXT;
import static dev.migrations.schema.Dsl.check;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.decimal;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.primaryKey;
import static dev.migrations.schema.Dsl.table;
import static dev.migrations.schema.Dsl.unique;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.platform.DatabasePlatform;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bar autogenerate must meet, on every database: generate, compile the Java it wrote, apply it,
 * and the second diff is empty; change the model, do it again; downgrade, and the catalog is the
 * first version's again.
 */
class AutogenerateRoundTripTest {

    @TempDir
    Path tmp;

    static SchemaSnapshot version1() {
        return new SchemaSnapshot(
                List.of(
                        table(
                                "customer",
                                column("id", BIGINT).identity(),
                                column("email", varchar(200)).notNull(),
                                column("name", varchar(100)),
                                column("active", BOOLEAN).notNull().serverDefault("true"),
                                primaryKey(null, "id"),
                                unique(null, "email")),
                        table(
                                "purchase",
                                column("id", BIGINT).identity(),
                                column("customer_id", BIGINT).notNull(),
                                column("total", decimal(10, 2)).notNull().serverDefault("0"),
                                column("status", varchar(20)).notNull(),
                                column("note", TEXT),
                                primaryKey(null, "id"),
                                foreignKey(null, "customer_id")
                                        .references("customer", "id")
                                        .onDelete(CASCADE),
                                check(null, "total >= 0"),
                                index("ix_purchase_status", "purchase", "status"))),
                List.of());
    }

    /** Every kind of change: tables, columns, types, nullability, defaults, keys, indexes, checks. */
    static SchemaSnapshot version2() {
        return new SchemaSnapshot(
                List.of(
                        table(
                                "customer",
                                column("id", BIGINT).identity(),
                                column("email", varchar(250)).notNull(),
                                column("name", varchar(100)).notNull().serverDefault("'anonymous'"),
                                column("loyalty_points", INTEGER).notNull().serverDefault("0"),
                                primaryKey(null, "id"),
                                unique(null, "email")),
                        table(
                                "purchase",
                                column("id", BIGINT).identity(),
                                column("customer_id", BIGINT),
                                column("total", decimal(12, 2)).notNull().serverDefault("0"),
                                column("status", varchar(20)).notNull(),
                                primaryKey(null, "id"),
                                foreignKey(null, "customer_id")
                                        .references("customer", "id")
                                        .onDelete(SET_NULL),
                                check(null, "total >= 0"),
                                index("ix_purchase_customer", "purchase", "customer_id")),
                        table(
                                "coupon",
                                column("code", varchar(30)).notNull(),
                                column("purchase_id", BIGINT),
                                primaryKey(null, "code"),
                                foreignKey(null, "purchase_id").references("purchase", "id"))),
                List.of());
    }

    /** Version two with customer.name renamed to display_name. */
    static SchemaSnapshot version3() {
        SchemaSnapshot two = version2();
        List<dev.migrations.schema.Table> tables = new java.util.ArrayList<>();
        for (dev.migrations.schema.Table t : two.tables()) {
            if (!t.name().equals("customer")) {
                tables.add(t);
                continue;
            }
            tables.add(new dev.migrations.schema.Table(
                    null,
                    t.name(),
                    t.columns().stream()
                            .map(c -> c.name().equals("name") ? c.named("display_name") : c)
                            .toList(),
                    t.constraints(),
                    t.indexes(),
                    t.comment()));
        }
        return new SchemaSnapshot(tables, two.sequences());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedMigrationsLeaveNothingToDiffAndDowngradeExactly(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            DatabasePlatform dialect = Platforms.named(kind.name());
            Autogenerate autogenerate = new Autogenerate(
                    dialect,
                    null,
                    Set.of("migrations_version", "migrations_history"),
                    SchemaComparator.UnmanagedTables.REPORT);

            String one = generateAndApply(db, autogenerate, version1(), "version one");
            assertThat(one)
                    .contains(
                            "import static dev.migrations.schema.Dsl.*;",
                            "ops.createTable(\"customer\",\n                column(\"id\", BIGINT).identity(),",
                            "column(\"active\", BOOLEAN).notNull().serverDefault(\"true\")",
                            "ops.createIndex(index(\"ix_purchase_status\", \"purchase\", \"status\"));",
                            "ops.dropTable(table(\"purchase\",");
            assertThat(diff(db, autogenerate, version1()).changes())
                    .as("second diff after version one")
                    .isEmpty();
            Catalog first = Catalog.read(db);

            SchemaDiff toSecond = diff(db, autogenerate, version2());
            assertThat(toSecond.risky())
                    .extracting(SchemaChange::warning)
                    .anySatisfy(w -> assertThat(w).contains("drops column purchase.note"));
            String two = generateAndApply(db, autogenerate, version2(), "version two");
            assertThat(two)
                    .contains(
                            "// WARNING: drops column purchase.note and its data",
                            "ops.dropColumn(\"purchase\", column(\"note\", ",
                            "ops.addColumn(\"customer\", column(\"loyalty_points\", INTEGER).notNull().serverDefault(\"0\"));",
                            "foreignKey(\"purchase_customer_id_fkey\", \"customer_id\").references(\"customer\", \"id\")"
                                    + ".onDelete(SET_NULL)");
            assertThat(two)
                    .as("widening a column loses nothing, so it carries no warning")
                    .contains("ops.alterColumn(\"customer\", \"email\", c -> c.type(varchar(250)));")
                    .doesNotContain("WARNING: changes the type of customer.email");
            assertThat(diff(db, autogenerate, version2()).changes())
                    .as("second diff after version two")
                    .isEmpty();

            // a declared rename keeps the data
            Catalog second = Catalog.read(db);
            try (Connection c = db.dataSource().getConnection();
                    var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO customer (email, name) VALUES ('ada@example.com', 'Ada')");
            }
            SchemaDiff renaming;
            try (Connection c = db.dataSource().getConnection()) {
                renaming = autogenerate.diff(c, version3(), Renames.parse(List.of("customer.name=display_name")));
            }
            assertThat(renaming.changes())
                    .extracting(SchemaChange::upgrade)
                    .hasOnlyElementsOfType(dev.migrations.ops.AlterColumn.class);
            String three =
                    write(db, version3(), Renames.parse(List.of("customer.name=display_name")), "rename customer name");
            assertThat(three)
                    .contains("ops.renameColumn(\"customer\", \"name\", \"display_name\");")
                    .doesNotContain("dropColumn");
            migrations(db).upgrade("heads");
            try (Connection c = db.dataSource().getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery("SELECT display_name FROM customer")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Ada");
            }
            assertThat(diff(db, autogenerate, version3()).changes()).isEmpty();
            migrations(db).downgrade("-1");
            try (Connection c = db.dataSource().getConnection();
                    var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM customer");
            }
            assertThat(Catalog.read(db)).isEqualTo(second);

            migrations(db).downgrade("-1");
            assertThat(Catalog.read(db))
                    .as("downgrade restores version one's catalog")
                    .isEqualTo(first);
            assertThat(diff(db, autogenerate, version1()).changes()).isEmpty();
        }
    }

    private static SchemaDiff diff(TestDatabase db, Autogenerate autogenerate, SchemaSnapshot model) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return autogenerate.diff(c, model);
        }
    }

    /** Writes the diff as a Java revision, compiles and applies it; returns the source. */
    private String generateAndApply(TestDatabase db, Autogenerate autogenerate, SchemaSnapshot model, String message)
            throws Exception {
        String source = write(db, model, Renames.NONE, message);
        migrations(db).upgrade("heads");
        return source;
    }

    private String write(TestDatabase db, SchemaSnapshot model, Renames renames, String message) throws Exception {
        return new GeneratedRevisions(tmp).write(db, model, renames, message);
    }

    private Migrations migrations(TestDatabase db) throws Exception {
        return new GeneratedRevisions(tmp).migrations(db);
    }
}
