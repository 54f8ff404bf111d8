package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.ScriptFormat;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.ops.CreateEnumType;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Enum types end to end with real Hibernate: PostgreSQL's named enum types (created, given new
 * values before existing ones, renamed, dropped) and MariaDB's ENUM(...) columns (a constant
 * appended), each generated, compiled, applied, validated by Hibernate, written to, diffed again
 * (nothing left) and downgraded back to the first version's catalog.
 */
class EnumTypesTest {

    private static final List<Class<?>> PURCHASE_ONE = List.of(dev.migrations.autogenerate.enums.one.Purchase.class);
    private static final List<Class<?>> PURCHASE_TWO = List.of(dev.migrations.autogenerate.enums.two.Purchase.class);
    private static final List<Class<?>> TICKET_ONE = List.of(dev.migrations.autogenerate.enums.one.Ticket.class);
    private static final List<Class<?>> TICKET_TWO = List.of(dev.migrations.autogenerate.enums.two.Ticket.class);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(ScriptFormat.class)
    void postgresNamedEnumTypesGenerateApplyValidateAndGoBack(ScriptFormat format) throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.POSTGRESQL, tmp)) {
            GeneratedRevisions revisions = new GeneratedRevisions(tmp);
            SchemaSnapshot one = HibernateBoot.boot(db, PURCHASE_ONE, "none");
            assertThat(one.enumTypes())
                    .as("read from Hibernate's model: the class's name, sorted values; a columnDefinition's type")
                    .containsExactlyInAnyOrder(
                            EnumType.named("orderstatus", List.of("NEW", "PAID", "SHIPPED")),
                            EnumType.named("payment_kind", List.of("CARD", "INVOICE")));
            String first = revisions.write(db, one, Renames.NONE, "purchase", format);
            assertThat(first)
                    .contains(
                            format == ScriptFormat.SQL
                                    ? List.of(
                                            "CREATE TYPE orderstatus AS ENUM ('NEW', 'PAID', 'SHIPPED');",
                                            "DROP TYPE orderstatus;")
                                    : List.of(
                                            "ops.createEnumType(\"orderstatus\", \"NEW\", \"PAID\", \"SHIPPED\");",
                                            "ops.createEnumType(\"payment_kind\", \"CARD\", \"INVOICE\");",
                                            "ops.dropEnumType(enumType(\"orderstatus\", \"NEW\", \"PAID\", \"SHIPPED\"));"));
            revisions.migrations(db).upgrade("heads");
            HibernateBoot.boot(db, PURCHASE_ONE, "validate");
            HibernateBoot.persistOneOfEach(db, PURCHASE_ONE);
            assertThat(diff(db, one).changes()).as("second diff, version one").isEmpty();
            Catalog firstCatalog = Catalog.read(db);
            Map<String, List<String>> firstTypes = enumTypes(db);
            assertThat(firstTypes).containsEntry("orderstatus", List.of("NEW", "PAID", "SHIPPED"));

            SchemaSnapshot two = HibernateBoot.boot(db, PURCHASE_TWO, "none");
            String source = revisions.write(db, two, Renames.NONE, "purchase enums", format);
            assertThat(source)
                    .contains(
                            format == ScriptFormat.SQL
                                    ? List.of(
                                            "CREATE TYPE channel AS ENUM ('SHOP', 'WEB');",
                                            "ALTER TYPE orderstatus ADD VALUE IF NOT EXISTS 'CANCELLED' BEFORE 'NEW';",
                                            "ALTER TYPE payment_kind RENAME TO payment_method;",
                                            "ALTER TABLE purchase ALTER COLUMN channel TYPE channel USING channel::text::channel;",
                                            "-- PostgreSQL cannot take a value out of an enum type: this recreates orderstatus"
                                                    + " without 'REFUNDED'",
                                            "DROP TYPE channel;")
                                    : List.of(
                                            "ops.createEnumType(\"channel\", \"SHOP\", \"WEB\");",
                                            "ops.addEnumValueBefore(\"orderstatus\", \"CANCELLED\", \"NEW\");",
                                            "ops.addEnumValueBefore(\"orderstatus\", \"REFUNDED\", \"SHIPPED\");",
                                            "ops.renameEnumType(\"payment_kind\", \"payment_method\");",
                                            "ops.alterColumn(\"purchase\", \"channel\", c -> c.type(rawType(\"channel\"),"
                                                    + " \"channel::text::channel\"));",
                                            "// PostgreSQL cannot take a value out of an enum type: this recreates orderstatus"
                                                    + " without 'REFUNDED'",
                                            "ops.dropEnumValue(\"orderstatus\", \"REFUNDED\");",
                                            "ops.renameEnumType(\"payment_method\", \"payment_kind\");",
                                            "ops.dropEnumType(enumType(\"channel\", \"SHOP\", \"WEB\"));"));
            revisions.migrations(db).upgrade("heads");
            HibernateBoot.boot(db, PURCHASE_TWO, "validate");
            HibernateBoot.persistOneOfEach(db, PURCHASE_TWO); // status REFUNDED: the new value, used after commit
            assertThat(diff(db, two).changes()).as("second diff, version two").isEmpty();
            Catalog secondCatalog = Catalog.read(db);
            Map<String, List<String>> secondTypes = enumTypes(db);
            assertThat(secondTypes)
                    .containsEntry("orderstatus", List.of("CANCELLED", "NEW", "PAID", "REFUNDED", "SHIPPED"))
                    .containsEntry("payment_method", List.of("CARD", "INVOICE"))
                    .containsEntry("channel", List.of("SHOP", "WEB"))
                    .doesNotContainKey("payment_kind");

            assertThatThrownBy(() -> revisions.migrations(db).downgrade("-1"))
                    .as("a row holds the value the downgrade takes out")
                    .hasStackTraceContaining("Cannot drop value REFUNDED from enum type orderstatus: 1 row(s) of"
                            + " purchase.status hold it; update or delete them first");
            assertThat(Catalog.read(db))
                    .as("the failed downgrade changed nothing")
                    .isEqualTo(secondCatalog);
            assertThat(enumTypes(db)).isEqualTo(secondTypes);

            execute(db, "DELETE FROM purchase WHERE status = 'REFUNDED'");
            revisions.migrations(db).downgrade("-1");
            assertThat(Catalog.read(db))
                    .as("the downgrade restores version one:%n%s", source)
                    .isEqualTo(firstCatalog);
            assertThat(enumTypes(db)).as("pg_type and pg_enum as before").isEqualTo(firstTypes);
            assertThat(diff(db, one).changes()).isEmpty();
        }
    }

    @Test
    void mariadbEnumColumnGetsTheAppendedConstantInPlaceAndGoesBack() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.MARIADB, tmp)) {
            GeneratedRevisions revisions = new GeneratedRevisions(tmp);
            SchemaSnapshot one = HibernateBoot.boot(db, TICKET_ONE, "none");
            assertThat(one.enumTypes())
                    .as("MariaDB's enums belong to their columns")
                    .isEmpty();
            revisions.write(db, one, Renames.NONE, "ticket");
            revisions.migrations(db).upgrade("heads");
            HibernateBoot.boot(db, TICKET_ONE, "validate");
            HibernateBoot.persistOneOfEach(db, TICKET_ONE);
            Catalog firstCatalog = Catalog.read(db);
            assertThat(columnType(db)).isEqualTo("enum('HIGH','LOW')");

            SchemaSnapshot two = HibernateBoot.boot(db, TICKET_TWO, "none");
            String source = revisions.write(db, two, Renames.NONE, "urgent tickets");
            assertThat(source)
                    .contains(
                            "ops.alterColumn(\"ticket\", \"priority\", c -> c.type(rawType(\"enum ('HIGH','LOW',"
                                    + "'URGENT')\")));",
                            "ops.alterColumn(\"ticket\", \"priority\", c -> c.type(rawType(\"enum('HIGH','LOW')\")));")
                    .as("appending is instant and keeps every value: no lint finding, no warning")
                    .doesNotContain("enum-not-appended", "table-copy", "WARNING");
            revisions.migrations(db).upgrade("heads");
            HibernateBoot.boot(db, TICKET_TWO, "validate");
            HibernateBoot.persistOneOfEach(db, TICKET_TWO);
            assertThat(columnType(db)).isEqualTo("enum('HIGH','LOW','URGENT')");
            assertThat(diff(db, two).changes()).as("second diff").isEmpty();

            revisions.migrations(db).downgrade("-1");
            assertThat(Catalog.read(db))
                    .as("the previous column exactly:%n%s", source)
                    .isEqualTo(firstCatalog);
            assertThat(diff(db, one).changes()).isEmpty();
        }
    }

    @Test
    void databasesWithoutNamedEnumTypesRefuseTheStepNamingItAndWhatToDo() {
        for (String platform : List.of("h2", "sqlite", "mariadb")) {
            assertThatThrownBy(() -> Platforms.named(platform)
                            .ddl()
                            .render(new CreateEnumType(EnumType.named("order_status", List.of("NEW")))))
                    .as(platform)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("has no named enum types (create enum type order_status)")
                    .hasMessageContaining("plain @Enumerated(EnumType.STRING)")
                    .hasMessageContaining("ops.executeOn(\"postgresql\"");
        }
    }

    /** MariaDB's own spelling of ticket.priority's type, values included (JDBC metadata says only enum(n)). */
    private static String columnType(TestDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                        + " DATABASE() AND TABLE_NAME = 'ticket' AND COLUMN_NAME = 'priority'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /**
     * Hibernate's H2 dialect keeps a named enum as a domain (varchar and a check), which autogenerate
     * does not model: it refuses at once, naming the step, rather than writing a file that cannot run.
     */
    @Test
    void autogenerateOnH2RefusesANamedEnumMappingNamingTheStep() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.H2, tmp)) {
            SchemaSnapshot one = HibernateBoot.boot(db, PURCHASE_ONE, "none");
            assertThatThrownBy(() -> diff(db, one))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("h2 has no named enum types (create enum type ")
                    .hasMessageContaining("plain @Enumerated(EnumType.STRING)");
        }
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static Map<String, List<String>> enumTypes(TestDatabase db) throws Exception {
        Map<String, List<String>> types = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)"
                        + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid ="
                        + " t.typnamespace WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY 1")) {
            while (rs.next()) {
                types.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
            }
        }
        return types;
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
