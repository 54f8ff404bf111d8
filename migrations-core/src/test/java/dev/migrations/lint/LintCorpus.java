package dev.migrations.lint;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.BOOLEAN;
import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.TEXT;
import static dev.migrations.schema.Dsl.UUID;
import static dev.migrations.schema.Dsl.check;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.decimal;
import static dev.migrations.schema.Dsl.foreignKey;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.unique;
import static dev.migrations.schema.Dsl.uniqueIndex;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.internal.script.JavaMigrationScript;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.schema.Constraint;
import dev.migrations.testing.TestDatabases.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lint's test corpus: revisions in the safe and the unsafe form of every rule, written as Java
 * and as SQL, each on a branch of its own above one base revision, with the findings expected on
 * each database. A case's SQL is written for the databases it lists; its Java runs everywhere.
 */
final class LintCorpus {

    static final String BASE = "base0";

    /** One case: its revisions (the first one's parent is the base) and the rule ids expected per database. */
    record Case(String name, List<MigrationScript> java, List<SqlFile> sql, Map<Kind, List<String>> expected) {

        String head() {
            if (!sql.isEmpty()) {
                return sql.get(sql.size() - 1).id();
            }
            return java.get(java.size() - 1).id();
        }

        boolean runsOn(Kind kind) {
            return expected.containsKey(kind);
        }
    }

    /** A SQL revision file's parts; a null downgrade leaves the section out. */
    record SqlFile(String id, String down, String extraHeader, String upgrade, String downgrade) {

        SqlFile {
            id = id.replace('-', '_');
            down = down.replace('-', '_');
        }

        String text() {
            return "-- revision: " + id + "\n-- down_revision: " + down + "\n-- message: " + id + "\n"
                    + (extraHeader == null ? "" : extraHeader + "\n") + "\n-- +upgrade\n" + upgrade + "\n"
                    + (downgrade == null ? "" : "\n-- +downgrade\n" + downgrade + "\n");
        }
    }

    private LintCorpus() {}

    static MigrationScript base() {
        return java(BASE, null, true, (ReversibleMigration) ops -> {
            ops.createTable(
                    "users",
                    column("id", BIGINT).identity().primaryKey(),
                    column("email", varchar(200)).notNull(),
                    column("name", varchar(100)),
                    column("age", INTEGER),
                    column("score", decimal(10, 2)),
                    column("nickname", varchar(50)));
            ops.createTable(
                    "orders",
                    column("id", BIGINT).identity().primaryKey(),
                    column("user_id", BIGINT),
                    column("amount", INTEGER),
                    column("status", varchar(20)),
                    index("ix_orders_status", "orders", "status"));
            ops.createTable("events", column("id", BIGINT).notNull(), column("kind", varchar(20)));
            ops.createTable("legacy", column("id", INTEGER), column("payload", TEXT));
            ops.createTable(
                    "invoices",
                    column("id", BIGINT).identity().primaryKey(),
                    column("order_id", BIGINT),
                    foreignKey("fk_invoices_order", "order_id").references("orders", "id"));
            ops.bulkInsert("users", List.of(Map.of("email", "a@example.com", "name", "Ada", "age", 36)));
            ops.bulkInsert("orders", List.of(Map.of("user_id", 1, "amount", 10, "status", "new")));
        });
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Map<Kind, List<String>> none = Map.of(Kind.POSTGRESQL, List.of(), Kind.SQLITE, List.of(), Kind.H2, List.of());

        // ---- indexes
        cases.add(javaCase(
                "index-plain",
                both(
                        ops -> ops.createIndex("ix_orders_user", "orders", "user_id"),
                        ops -> ops.dropIndex("ix_orders_user")),
                expect(List.of("index-not-concurrent"), List.of(), List.of())));
        cases.add(new Case(
                "index-concurrent",
                List.of(java("index-concurrent", BASE, false, (ReversibleMigration)
                        ops -> ops.createIndexConcurrently(index("ix_orders_user_c", "orders", "user_id")))),
                List.of(),
                none));
        cases.add(sqlCase(
                "index-plain-sql",
                null,
                "CREATE INDEX ix_orders_user_s ON orders (user_id);",
                "DROP INDEX ix_orders_user_s;",
                expect(List.of("index-not-concurrent"), List.of(), List.of())));
        cases.add(sqlCase(
                "index-concurrent-sql",
                "-- transactional: false",
                "CREATE INDEX CONCURRENTLY ix_orders_user_cs ON orders (user_id);",
                "DROP INDEX CONCURRENTLY ix_orders_user_cs;",
                pg()));
        cases.add(new Case(
                "index-concurrent-in-tx",
                List.of(java("index-concurrent-in-tx", BASE, true, (ReversibleMigration)
                        ops -> ops.createIndexConcurrently(index("ix_orders_amount", "orders", "amount")))),
                List.of(),
                expect(List.of("concurrent-index-in-transaction"), List.of(), List.of())));
        cases.add(sqlCase(
                "index-concurrent-in-tx-sql",
                null,
                "CREATE INDEX CONCURRENTLY ix_orders_amount_s ON orders (amount);",
                "DROP INDEX ix_orders_amount_s;",
                pg("concurrent-index-in-transaction")));
        cases.add(new Case(
                "index-on-new-table",
                List.of(java("index-on-new-table", BASE, true, (ReversibleMigration) ops -> {
                    ops.createTable("tags", column("id", BIGINT).notNull(), column("label", varchar(40)));
                    ops.createIndex("ix_tags_label", "tags", "label");
                })),
                List.of(),
                none));
        cases.add(new Case(
                "drop-index-plain",
                List.of(java("drop-index-plain", BASE, true, (ReversibleMigration)
                        ops -> ops.dropIndex(index("ix_orders_status", "orders", "status")))),
                List.of(),
                expect(List.of("drop-index-not-concurrent"), List.of(), List.of())));
        cases.add(new Case(
                "drop-index-concurrent",
                List.of(java("drop-index-concurrent", BASE, false, (ReversibleMigration)
                        ops -> ops.dropIndexConcurrently(index("ix_orders_status", "orders", "status")))),
                List.of(),
                none));
        cases.add(sqlCase(
                "drop-index-plain-sql",
                null,
                "DROP INDEX ix_orders_status;",
                "CREATE INDEX ix_orders_status ON orders (status);",
                pg("drop-index-not-concurrent")));

        // ---- column types
        cases.add(javaCase(
                "type-rewrite",
                both(
                        ops -> ops.alterColumn("orders", "amount", c -> c.type(BIGINT)),
                        ops -> ops.alterColumn("orders", "amount", c -> c.type(INTEGER))),
                expect(List.of("column-type-rewrite"), List.of("table-rebuild"), List.of("table-rebuild"))));
        cases.add(javaCase(
                "foreign-key-column-type",
                both(
                        ops -> ops.alterColumn("invoices", "order_id", c -> c.type(INTEGER)),
                        ops -> ops.alterColumn("invoices", "order_id", c -> c.type(BIGINT))),
                expect(
                        List.of("column-type-rewrite", "narrowing-type"),
                        List.of("narrowing-type", "table-rebuild"),
                        List.of("narrowing-type", "table-rebuild"))));
        cases.add(javaCase(
                "varchar-grows",
                both(
                        ops -> ops.alterColumn("users", "name", c -> c.type(varchar(200))),
                        ops -> ops.alterColumn("users", "name", c -> c.type(varchar(100)))),
                expect(List.of(), List.of("table-rebuild"), List.of())));
        cases.add(sqlCase(
                "varchar-to-text-sql",
                null,
                "ALTER TABLE users ALTER COLUMN nickname TYPE text;",
                "ALTER TABLE users ALTER COLUMN nickname TYPE varchar(50);",
                pg()));
        cases.add(sqlCase(
                "numeric-grows-sql",
                null,
                "ALTER TABLE users ALTER COLUMN score TYPE numeric(12,2);",
                "ALTER TABLE users ALTER COLUMN score TYPE numeric(10,2);",
                pg()));
        cases.add(sqlCase(
                "type-rewrite-sql",
                null,
                "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;",
                "ALTER TABLE orders ALTER COLUMN amount TYPE integer;",
                pg("column-type-rewrite")));
        cases.add(javaCase(
                "narrowing",
                both(
                        ops -> ops.alterColumn("users", "email", c -> c.type(varchar(50))),
                        ops -> ops.alterColumn("users", "email", c -> c.type(varchar(200)))),
                expect(
                        List.of("column-type-rewrite", "narrowing-type"),
                        List.of("narrowing-type", "table-rebuild"),
                        List.of("narrowing-type", "table-rebuild"))));

        // ---- NOT NULL
        cases.add(sqlCase(
                "set-not-null-sql",
                null,
                "ALTER TABLE users ALTER COLUMN name SET NOT NULL;",
                "ALTER TABLE users ALTER COLUMN name DROP NOT NULL;",
                pg("set-not-null-scan")));
        cases.add(javaCase(
                "set-not-null",
                both(
                        ops -> ops.alterColumn("users", "name", c -> c.nullable(false)),
                        ops -> ops.alterColumn("users", "name", c -> c.nullable(true))),
                expect(List.of("set-not-null-scan"), List.of("table-rebuild"), List.of())));
        Constraint nameNotNull = check("users_name_not_null", "name IS NOT NULL");
        cases.add(new Case(
                "set-not-null-safe",
                List.of(
                        java("set-not-null-safe-1", BASE, true, (ReversibleMigration)
                                ops -> ops.addConstraintNotValid("users", nameNotNull)),
                        java(
                                "set-not-null-safe-2",
                                "set-not-null-safe-1",
                                false,
                                both(
                                        ops -> {
                                            ops.validateConstraint("users", "users_name_not_null");
                                            ops.alterColumn("users", "name", c -> c.nullable(false));
                                            ops.dropConstraint("users", nameNotNull);
                                        },
                                        ops -> ops.alterColumn("users", "name", c -> c.nullable(true))))),
                List.of(),
                expect(List.of(), List.of("table-rebuild", "table-rebuild", "table-rebuild"), List.of())));

        // ---- constraints
        cases.add(sqlCase(
                "foreign-key-sql",
                null,
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);",
                "ALTER TABLE orders DROP CONSTRAINT fk_orders_user;",
                pg("foreign-key-validates")));
        cases.add(new Case(
                "foreign-key-not-valid-sql",
                List.of(),
                List.of(
                        new SqlFile(
                                "fk-nv-1",
                                BASE,
                                null,
                                "ALTER TABLE orders ADD CONSTRAINT fk_orders_user_nv FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
                                "ALTER TABLE orders DROP CONSTRAINT fk_orders_user_nv;"),
                        new SqlFile(
                                "fk-nv-2",
                                "fk-nv-1",
                                "-- transactional: false",
                                "ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_nv;",
                                "")),
                pg()));
        cases.add(javaCase(
                "foreign-key",
                reversible(ops -> ops.createForeignKey(
                        "orders", foreignKey("fk_orders_user_j", "user_id").references("users", "id"))),
                expect(List.of("foreign-key-validates"), List.of("table-rebuild"), List.of())));
        cases.add(javaCase(
                "validate-same-transaction",
                reversible(ops -> {
                    ops.addConstraintNotValid(
                            "orders", foreignKey("fk_orders_user_t", "user_id").references("users", "id"));
                    ops.validateConstraint("orders", "fk_orders_user_t");
                }),
                expect(List.of("validate-in-same-transaction"), List.of("table-rebuild"), List.of())));
        cases.add(sqlCase(
                "check-sql",
                null,
                "ALTER TABLE orders ADD CONSTRAINT ck_amount CHECK (amount >= 0);",
                "ALTER TABLE orders DROP CONSTRAINT ck_amount;",
                pg("check-validates")));
        cases.add(sqlCase(
                "check-not-valid-sql",
                null,
                "ALTER TABLE orders ADD CONSTRAINT ck_amount_nv CHECK (amount >= 0) NOT VALID;",
                "ALTER TABLE orders DROP CONSTRAINT ck_amount_nv;",
                pg()));
        cases.add(javaCase(
                "unique",
                reversible(ops -> ops.createUniqueConstraint("uq_users_email", "users", "email")),
                expect(List.of("unique-builds-index"), List.of("table-rebuild"), List.of())));
        cases.add(new Case(
                "unique-using-index",
                List.of(java(
                        "unique-using-index",
                        BASE,
                        false,
                        both(
                                ops -> {
                                    ops.createIndexConcurrently(uniqueIndex("uq_users_email_i", "users", "email"));
                                    ops.addConstraintUsingIndex(
                                            "users", unique("uq_users_email_i", "email"), "uq_users_email_i");
                                },
                                ops -> ops.dropConstraint("users", "uq_users_email_i", Constraint.Type.UNIQUE)))),
                List.of(),
                expect(List.of(), List.of("table-rebuild"), List.of())));
        cases.add(sqlCase(
                "primary-key-sql",
                null,
                "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id);",
                "ALTER TABLE events DROP CONSTRAINT events_pkey;",
                pg("primary-key-builds-index")));
        cases.add(sqlCase(
                "primary-key-using-index-sql",
                "-- transactional: false",
                "CREATE UNIQUE INDEX CONCURRENTLY events_pkey_idx ON events (id);\n"
                        + "ALTER TABLE events ADD CONSTRAINT events_pkey2 PRIMARY KEY USING INDEX events_pkey_idx;",
                "ALTER TABLE events DROP CONSTRAINT events_pkey2;",
                pg()));

        // ---- new columns
        cases.add(javaCase(
                "volatile-default",
                reversible(ops -> ops.addColumn("orders", column("token", UUID).serverDefault("gen_random_uuid()"))),
                expect(List.of("volatile-default"), List.of("table-rebuild"), List.of("table-rebuild"))));
        cases.add(javaCase(
                "constant-default",
                reversible(ops -> ops.addColumn(
                        "orders", column("flag", BOOLEAN).notNull().serverDefault("false"))),
                expect(List.of(), List.of(), List.of("table-rebuild"))));
        cases.add(sqlCase(
                "volatile-default-sql",
                null,
                "ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT clock_timestamp();",
                "ALTER TABLE orders DROP COLUMN created_at;",
                pg("volatile-default")));
        cases.add(sqlCase(
                "stable-default-sql",
                null,
                "ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT now();",
                "ALTER TABLE orders DROP COLUMN seen_at;",
                pg()));
        cases.add(javaCase(
                "not-null-without-default",
                reversible(ops ->
                        ops.addColumn("orders", column("code", varchar(10)).notNull())),
                expect(
                        List.of("not-null-without-default"),
                        List.of("not-null-without-default", "table-rebuild"),
                        List.of("not-null-without-default", "table-rebuild"))));

        // ---- data loss and compatibility
        cases.add(javaCase(
                "drop-table",
                both(
                        ops -> ops.dropTable("legacy"),
                        ops -> ops.createTable("legacy", column("id", INTEGER), column("payload", TEXT))),
                expect(List.of("drop-table"), List.of("drop-table"), List.of("drop-table"))));
        cases.add(sqlCase(
                "drop-table-ignored-sql",
                "-- lint_ignore: drop-table: no release since 2.0 reads legacy",
                "DROP TABLE legacy;",
                "CREATE TABLE legacy (id integer, payload text);",
                all("drop-table")));
        cases.add(javaCase(
                "drop-column",
                both(ops -> ops.dropColumn("users", "age"), ops -> ops.addColumn("users", column("age", INTEGER))),
                expect(
                        List.of("drop-column"),
                        List.of("drop-column", "table-rebuild"),
                        List.of("drop-column", "table-rebuild"))));
        cases.add(sqlCase(
                "rename-column-sql",
                null,
                "ALTER TABLE users RENAME COLUMN nickname TO handle;",
                "ALTER TABLE users RENAME COLUMN handle TO nickname;",
                Map.of(Kind.POSTGRESQL, List.of("rename-column"), Kind.SQLITE, List.of("rename-column"))));
        cases.add(
                javaCase("rename-table", reversible(ops -> ops.renameTable("legacy", "archive")), all("rename-table")));
        cases.add(javaCase(
                "rename-new-table",
                reversible(ops -> {
                    ops.createTable("drafts", column("id", BIGINT).notNull());
                    ops.renameTable("drafts", "notes");
                }),
                none));

        // ---- hygiene
        cases.add(javaCase(
                "backfill-with-ddl",
                both(
                        ops -> {
                            ops.update("UPDATE users SET name = 'unknown' WHERE name IS NULL");
                            ops.alterColumn("users", "name", c -> c.nullable(false));
                        },
                        ops -> ops.alterColumn("users", "name", c -> c.nullable(true))),
                expect(
                        List.of("backfill-in-ddl-transaction", "set-not-null-scan"),
                        List.of("backfill-in-ddl-transaction", "table-rebuild"),
                        List.of())));
        cases.add(sqlCase(
                "backfill-alone-sql",
                "-- transactional: false",
                "UPDATE users SET name = 'unknown' WHERE name IS NULL;",
                "",
                Map.of(Kind.POSTGRESQL, List.of(), Kind.SQLITE, List.of(), Kind.H2, List.of())));
        cases.add(new Case(
                "no-downgrade-sql",
                List.of(),
                List.of(new SqlFile("no-downgrade-sql", BASE, null, "CREATE TABLE audit (id integer);", null)),
                all("no-downgrade")));
        cases.add(javaCase(
                "no-downgrade",
                both(ops -> ops.addColumn("users", column("flag", BOOLEAN)), ops -> {}),
                expect(List.of("no-downgrade"), List.of("no-downgrade"), List.of("no-downgrade", "table-rebuild"))));
        cases.add(javaCase(
                "downgrade-underivable",
                reversible(ops -> ops.dropColumn("users", "nickname")),
                expect(
                        List.of("drop-column", "no-downgrade"),
                        List.of("drop-column", "no-downgrade", "table-rebuild"),
                        List.of("drop-column", "no-downgrade", "table-rebuild"))));
        cases.add(sqlCase("do-block-sql", null, "DO $$ BEGIN PERFORM 1; END $$;", "", pg("not-inspected")));
        cases.add(sqlCase(
                "unknown-alter-sql",
                null,
                "ALTER TABLE users SET (fillfactor = 70);",
                "ALTER TABLE users RESET (fillfactor);",
                pg("not-inspected")));
        cases.add(sqlCase(
                "commit-inside-sql",
                null,
                "UPDATE users SET age = 1 WHERE id = -1;\nCOMMIT;",
                "",
                Map.of(Kind.POSTGRESQL, List.of("not-inspected"), Kind.SQLITE, List.of("not-inspected"))));
        cases.add(javaCase(
                "jdbc-connection",
                both(ops -> ops.connection().createStatement().close(), ops -> {}),
                all("not-inspected")));
        cases.add(sqlCase(
                "new-table-with-key-sql",
                null,
                "CREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id), amount numeric(10,2) NOT NULL);\n"
                        + "CREATE INDEX ix_payments_order ON payments (order_id);",
                "DROP TABLE payments;",
                all()));
        cases.addAll(MysqlLintCases.cases());
        return cases;
    }

    // ---------------------------------------------------------------- helpers

    private static Map<Kind, List<String>> expect(List<String> pg, List<String> sqlite, List<String> h2) {
        return Map.of(Kind.POSTGRESQL, pg, Kind.SQLITE, sqlite, Kind.H2, h2);
    }

    private static Map<Kind, List<String>> all(String... rules) {
        return expect(List.of(rules), List.of(rules), List.of(rules));
    }

    private static Map<Kind, List<String>> pg(String... rules) {
        return Map.of(Kind.POSTGRESQL, List.of(rules));
    }

    private static Case javaCase(String name, Migration migration, Map<Kind, List<String>> expected) {
        return new Case(name, List.of(java(name, BASE, true, migration)), List.of(), expected);
    }

    private static Case sqlCase(
            String name, String header, String upgrade, String downgrade, Map<Kind, List<String>> expected) {
        return new Case(name, List.of(), List.of(new SqlFile(name, BASE, header, upgrade, downgrade)), expected);
    }

    @FunctionalInterface
    interface Body {
        void run(Ops ops) throws Exception;
    }

    private static ReversibleMigration reversible(Body upgrade) {
        return upgrade::run;
    }

    private static Migration both(Body upgrade, Body downgrade) {
        return new Migration() {
            @Override
            public void upgrade(Ops ops) throws Exception {
                upgrade.run(ops);
            }

            @Override
            public void downgrade(Ops ops) throws Exception {
                downgrade.run(ops);
            }
        };
    }

    static MigrationScript java(String name, String parent, boolean transactional, Migration migration) {
        String id = name.replace('-', '_');
        String down = parent == null ? null : parent.replace('-', '_');
        return JavaMigrationScript.of(
                new MigrationScript.Header(
                        id, down == null ? List.of() : List.of(down), List.of(), List.of(), id, null, transactional),
                migration);
    }
}
