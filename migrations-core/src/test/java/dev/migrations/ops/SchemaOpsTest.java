package dev.migrations.ops;

import static dev.migrations.ops.OpsFixture.q;
import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.BINARY;
import static dev.migrations.schema.Dsl.BOOLEAN;
import static dev.migrations.schema.Dsl.DATE;
import static dev.migrations.schema.Dsl.DOUBLE;
import static dev.migrations.schema.Dsl.FLOAT;
import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.JSON;
import static dev.migrations.schema.Dsl.SMALLINT;
import static dev.migrations.schema.Dsl.TEXT;
import static dev.migrations.schema.Dsl.TIME;
import static dev.migrations.schema.Dsl.TIMESTAMP;
import static dev.migrations.schema.Dsl.TIMESTAMP_TZ;
import static dev.migrations.schema.Dsl.UUID;
import static dev.migrations.schema.Dsl.character;
import static dev.migrations.schema.Dsl.check;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.decimal;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.rawType;
import static dev.migrations.schema.Dsl.unique;
import static dev.migrations.schema.Dsl.uniqueIndex;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.schema.Column;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every schema operation against real PostgreSQL, SQLite and H2: the result is read back from the
 * catalog, and the derived downgrade must leave the catalog exactly as it was.
 */
class SchemaOpsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void createTableWithEveryPortableType(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(ops -> ops.createTable(
                    "all_types",
                    column("id", INTEGER).primaryKey(),
                    column("small", SMALLINT),
                    column("big", BIGINT).notNull().serverDefault("7"),
                    column("flag", BOOLEAN).serverDefault("FALSE"),
                    column("code", character(3)),
                    column("title", varchar(80)).unique(),
                    column("body", TEXT),
                    column("price", decimal(12, 3)),
                    column("ratio", FLOAT),
                    column("score", DOUBLE),
                    column("day", DATE),
                    column("at", TIME),
                    column("local_ts", TIMESTAMP),
                    column("instant", TIMESTAMP_TZ),
                    column("uid", UUID),
                    column("bytes", BINARY),
                    column("doc", JSON),
                    column("owner", BIGINT).references("user", "id").comment("who owns it"),
                    column("native", rawType(kind == Kind.POSTGRESQL ? "int4range" : "INTEGER")),
                    check("ck_all_price", "price >= 0"),
                    index("ix_all_day", "all_types", "day")));
            Catalog.TableInfo t = after.table("all_types");
            assertThat(t.columns()).hasSize(19);
            assertThat(t.primaryKey()).endsWith("[id]");
            assertThat(after.column("all_types", "big").nullable()).isFalse();
            assertThat(after.column("all_types", "big").defaultValue()).contains("7");
            assertThat(after.column("all_types", "title").type()).contains("80");
            assertThat(t.foreignKeys()).anyMatch(k -> k.contains("->user") && k.contains("owner>id"));
            assertThat(t.checks()).anyMatch(c -> c.startsWith("ck_all_price"));
            assertThat(t.indexes()).anyMatch(i -> i.startsWith("ix_all_day"));
            assertThat(t.uniques()).isNotEmpty();
            if (kind != Kind.SQLITE) {
                assertThat(after.column("all_types", "owner").comment()).isEqualTo("who owns it");
            }
            if (kind == Kind.POSTGRESQL) {
                assertThat(after.column("all_types", "doc").type()).startsWith("jsonb");
                assertThat(after.column("all_types", "uid").type()).startsWith("uuid");
                assertThat(after.column("all_types", "instant").type()).startsWith("timestamptz");
                assertThat(after.column("all_types", "native").type()).startsWith("int4range");
            }
        }
    }

    /**
     * An index created after a foreign key on the same column, then dropped: H2 hands the index to
     * the key and refuses the plain drop, so the engine drops and re-adds the key around it.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void indexOnAForeignKeyColumnAddedLaterDropsCleanly(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Migrations m = f.migrations(CodeRevisions.reversible(
                    "index", "setup", ops -> ops.createIndex("ix_order_user_later", "order", "user_id")));
            m.upgrade("setup");
            Catalog before = Catalog.read(f.db);
            m.upgrade("index");
            m.downgrade("setup");
            assertThat(Catalog.read(f.db)).isEqualTo(before);
            // the foreign key still holds, with its ON DELETE CASCADE
            try (var c = f.db.dataSource().getConnection();
                    var s = c.createStatement()) {
                if (kind == Kind.SQLITE) {
                    s.execute("PRAGMA foreign_keys = ON"); // SQLite enforces keys only when asked, per connection
                }
                s.executeUpdate("DELETE FROM " + q("user") + " WHERE id = 1");
            }
            assertThat(f.count("SELECT count(*) FROM " + q("order"))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dropTableGivenItsDefinitionComesBack(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            // A derived downgrade recreates the table (empty): drop the rows first, as a user would.
            Catalog after = f.roundTrip(CodeRevisions.of(
                    "op",
                    "setup",
                    ops -> {
                        ops.execute("DELETE FROM " + q("order"));
                        ops.dropTable(OpsFixture.ORDER);
                    },
                    ops -> ops.createTable(OpsFixture.ORDER)));
            assertThat(after.tables()).containsOnlyKeys("user");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void renameTableKeepsRows(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(ops -> ops.renameTable("order", "purchase"));
            assertThat(after.tables()).containsKeys("purchase").doesNotContainKey("order");
            assertThat(f.count("SELECT count(*) FROM " + q("order"))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void addColumnsPlainNotNullWithDefaultAndWithForeignKey(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(
                    CodeRevisions.reversible("op", "setup", ops -> {
                        ops.addColumn("user", column("nickname", varchar(40)));
                        ops.addColumn(
                                "user", column("active", BOOLEAN).notNull().serverDefault("TRUE"));
                        ops.addColumn(
                                "order",
                                column("referrer_id", BIGINT)
                                        .references(foreignKey("fk_order_referrer", "referrer_id")
                                                .references("user", "id")
                                                .onDelete(ReferentialAction.SET_NULL)));
                    }),
                    () -> assertThat(f.count("SELECT count(*) FROM " + q("user") + " WHERE active = TRUE"))
                            .isEqualTo(2));
            assertThat(after.column("user", "nickname").nullable()).isTrue();
            assertThat(after.column("user", "active").nullable()).isFalse();
            assertThat(after.table("order").foreignKeys())
                    .anyMatch(k -> k.contains("referrer_id>id") && k.contains("del=set null"));
            assertThat(f.count("SELECT count(*) FROM " + q("order"))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dropColumnGivenItsDefinitionComesBack(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(ops -> ops.dropColumn("user", OpsFixture.USER.requireColumn("name")));
            assertThat(after.table("user").columns()).doesNotContainKey("name").containsKey("select");
            assertThat(f.count("SELECT count(*) FROM " + q("user"))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void alterColumnTypeNullabilityAndDefaultInOneChange(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Column status = OpsFixture.ORDER.requireColumn("status");
            Catalog after = f.roundTrip(ops -> ops.alterColumn(
                    "order",
                    "status",
                    c -> c.type(varchar(40))
                            .nullable(false)
                            .serverDefault("'open'")
                            .existing(status)));
            Catalog.ColumnInfo c = after.column("order", "status");
            assertThat(c.type()).contains("40");
            assertThat(c.nullable()).isFalse();
            assertThat(c.defaultValue()).contains("open");
            assertThat(f.count("SELECT count(*) FROM " + q("order") + " WHERE status = 'paid'"))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void alterColumnTypeWithUsingOnPostgresAndConversionElsewhere(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Column select = OpsFixture.USER.requireColumn("select");
            Catalog after = f.roundTrip(CodeRevisions.of(
                    "op",
                    "setup",
                    ops -> {
                        ops.execute("UPDATE " + q("user") + " SET " + q("select") + " = '42'");
                        if (kind == Kind.POSTGRESQL) {
                            ops.alterColumn("user", "select", c -> c.type(INTEGER, "\"select\"::integer"));
                        } else {
                            ops.alterColumn("user", "select", c -> c.type(INTEGER));
                        }
                    },
                    ops -> ops.alterColumn("user", "select", c -> c.type(select.type()))));
            assertThat(after.column("user", "select").type()).containsAnyOf("int", "INT");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dropServerDefaultAndRenameAndComment(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Column status = OpsFixture.ORDER.requireColumn("status");
            Catalog after = f.roundTrip(ops -> {
                ops.alterColumn("order", "status", c -> c.dropServerDefault().existing(status));
                ops.alterColumn(
                        "user", "name", c -> c.comment("display name").existing(OpsFixture.USER.requireColumn("name")));
                ops.renameColumn("user", "select", "from");
            });
            assertThat(after.column("order", "status").defaultValue()).isNull();
            assertThat(after.table("user").columns()).containsKey("from").doesNotContainKey("select");
            if (kind != Kind.SQLITE) {
                assertThat(after.column("user", "name").comment()).isEqualTo("display name");
            }
            assertThat(f.count("SELECT count(*) FROM " + q("user") + " WHERE " + q("select") + " = 'a'"))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void indexesUniqueDescendingAndPartial(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(ops -> {
                ops.createIndex(uniqueIndex("ux_user_email", "user", "email"));
                ops.createIndex(index("ix_order_total", "order", "total DESC", "status"));
                if (kind != Kind.H2 && kind != Kind.MARIADB) { // no partial indexes there
                    ops.createIndex(index("ix_order_open", "order", "user_id").where("status = 'new'"));
                }
                ops.dropIndex(index("ix_order_user", "order", "user_id"));
            });
            assertThat(after.table("user").indexes()).anyMatch(i -> i.startsWith("ux_user_email unique [email]"));
            assertThat(after.table("order").indexes())
                    .anyMatch(i -> i.startsWith("ix_order_total [total desc, status]"))
                    .noneMatch(i -> i.startsWith("ix_order_user "));
            if (kind != Kind.H2 && kind != Kind.MARIADB) {
                assertThat(after.table("order").indexes())
                        .anyMatch(i -> i.startsWith("ix_order_open") && i.contains("where") && i.contains("new"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void constraintsAddedAndDropped(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(ops -> {
                ops.createTable("tag", column("code", varchar(10)).notNull(), column("label", varchar(50)));
                ops.createPrimaryKey("pk_tag", "tag", "code");
                ops.createUniqueConstraint("uq_user_email", "user", "email");
                ops.createCheckConstraint("ck_order_status", "order", "status <> ''");
                ops.dropConstraint("order", OpsFixture.ORDER.constraints().get(0));
                ops.createForeignKey(
                        "order",
                        foreignKey("fk_order_user2", "user_id")
                                .references("user", "id")
                                .onDelete(ReferentialAction.RESTRICT)
                                .onUpdate(ReferentialAction.CASCADE));
            });
            assertThat(after.table("tag").primaryKey()).endsWith("[code]");
            assertThat(after.table("user").uniques()).anyMatch(u -> u.contains("uq_user_email"));
            assertThat(after.table("order").checks()).anyMatch(c -> c.startsWith("ck_order_status"));
            assertThat(after.table("order").foreignKeys())
                    .hasSize(1)
                    .allMatch(k -> k.contains("del=restrict") && k.contains("upd=cascade"));
            assertThat(f.count("SELECT count(*) FROM " + q("order"))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "SQLITE"})
    void deferrableForeignKey(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(
                    CodeRevisions.reversible(
                            "op",
                            "setup",
                            ops -> ops.createForeignKey(
                                    "order",
                                    foreignKey("fk_order_user_late", "user_id")
                                            .references("user", "id")
                                            .deferrable(true))),
                    () -> {
                        if (kind == Kind.SQLITE) {
                            // sqlite-jdbc reports every key as deferred; the stored DDL says what is true.
                            assertThat(f.count("SELECT count(*) FROM sqlite_master WHERE name = 'order' AND sql LIKE"
                                            + " '%fk_order_user_late%DEFERRABLE INITIALLY DEFERRED%'"))
                                    .isEqualTo(1);
                        }
                    });
            assertThat(after.table("order").foreignKeys()).hasSize(2).anyMatch(k -> k.contains("del=cascade"));
            if (kind == Kind.POSTGRESQL) {
                assertThat(after.table("order").foreignKeys())
                        .anyMatch(k -> k.startsWith("fk_order_user_late")
                                && k.contains("defer=" + java.sql.DatabaseMetaData.importedKeyInitiallyDeferred));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "H2", "MARIADB"})
    void sequencesAndComments(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            dev.migrations.schema.Sequence seq = dev.migrations.schema.Dsl.sequence("invoice_seq")
                    .start(100)
                    .increment(5)
                    .minValue(1)
                    .maxValue(1_000_000)
                    .cache(1)
                    .cycle(false);
            Catalog after = f.roundTrip(ops -> {
                ops.createSequence(seq);
                ops.alterSequence("invoice_seq", s -> s.increment(10).existing(seq));
                ops.createSequence(dev.migrations.schema.Dsl.sequence("select"));
                ops.apply(new SetTableComment(null, "order", "what was bought", java.util.Optional.empty()));
            });
            assertThat(after.sequences()).anyMatch(s -> s.startsWith("invoice_seq start=100 inc=10"));
            assertThat(after.sequences()).anyMatch(s -> s.startsWith("select "));
            assertThat(after.table("order").comment()).isEqualTo("what was bought");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"SQLITE"})
    void sqliteKeepsASequenceAsHibernatesOneRowTable(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(
                    CodeRevisions.reversible(
                            "op",
                            "setup",
                            ops -> ops.createSequence(dev.migrations.schema.Dsl.sequence("s")
                                    .start(7)
                                    .increment(50))),
                    () -> {
                        assertThat(f.count("SELECT COUNT(*) FROM s")).isEqualTo(1);
                        assertThat(f.count("SELECT next_val FROM s")).isEqualTo(7);
                    });
            assertThat(after.table("s").columns()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"SQLITE"})
    void sqliteRefusesASequenceItsTableCannotKeep(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            var m = f.migrations(CodeRevisions.reversible(
                    "op",
                    "setup",
                    ops -> ops.createSequence(
                            dev.migrations.schema.Dsl.sequence("s").maxValue(100))));
            m.upgrade("setup");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.upgrade("op"))
                    .hasMessageContaining("Revision op")
                    .hasMessageContaining("SQLite has no sequences")
                    .hasMessageContaining("still at setup");
            assertThat(m.current()).containsExactly("setup");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void compositeUniqueConstraint(Kind kind) throws Exception {
        try (OpsFixture f = new OpsFixture(kind, dir)) {
            Catalog after = f.roundTrip(ops -> ops.addConstraint("user", unique("uq_user_name", "name", "email")));
            assertThat(after.table("user").uniques()).anyMatch(u -> u.contains("uq_user_name"));
        }
    }
}
