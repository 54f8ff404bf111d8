package dev.migrations.benchmarks;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.column;

import dev.migrations.Migrations;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.internal.script.JavaMigrationScript;
import dev.migrations.internal.script.MigrationScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Times the engine's SQLite table rebuild against the same rebuild written by hand (SQLite's
 * documented twelve-step procedure) on a 1,000,000-row table with two indexes, a foreign key out
 * and one in. Each round starts from a fresh copy of the same database file; the median is kept.
 */
public final class SqliteRebuildBenchmark {

    private static final int ROWS = Integer.getInteger("rows", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("rounds", 5);

    private SqliteRebuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("rebuild-bench");
        Path template = dir.resolve("template.db");
        createTemplate(template);
        List<Long> engine = new ArrayList<>();
        List<Long> byHand = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate the order so neither side always runs on a warmer page cache.
            if (round % 2 == 0) {
                engine.add(timeEngine(copy(template, dir, "e" + round)));
                byHand.add(timeByHand(copy(template, dir, "h" + round)));
            } else {
                byHand.add(timeByHand(copy(template, dir, "h" + round)));
                engine.add(timeEngine(copy(template, dir, "e" + round)));
            }
        }
        long e = median(engine);
        long h = median(byHand);
        System.out.printf("SQLite rebuild of %,d rows, median of %d rounds%n", ROWS, ROUNDS);
        System.out.printf("| work | engine (ms) | hand-written SQL (ms) | ratio |%n|---|---|---|---|%n");
        System.out.printf(
                "| alter column type + add NOT NULL column (one rebuild) | %d | %d | %.2f× |%n", e, h, (double) e / h);
        System.out.println("engine rounds " + engine + ", hand-written rounds " + byHand);
    }

    private static void createTemplate(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50))");
            s.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL,"
                    + " number VARCHAR(20) NOT NULL, amount INTEGER NOT NULL, note TEXT,"
                    + " CONSTRAINT fk_invoice_account FOREIGN KEY (account_id) REFERENCES account (id))");
            s.execute("CREATE INDEX ix_invoice_account ON invoice (account_id)");
            s.execute("CREATE UNIQUE INDEX ux_invoice_number ON invoice (number)");
            s.execute("CREATE TABLE payment (id INTEGER PRIMARY KEY, invoice_id INTEGER NOT NULL"
                    + " REFERENCES invoice (id))");
            s.execute("INSERT INTO account VALUES (1, 'a'), (2, 'b')");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ")"
                    + " INSERT INTO invoice (id, account_id, number, amount, note) SELECT i, 1 + i % 2, 'INV-' || i,"
                    + " i, 'note ' || i FROM n");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                    + " INSERT INTO payment (id, invoice_id) SELECT i, i * 7 FROM n");
        }
    }

    private static long timeEngine(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        MigrationScript change = JavaMigrationScript.of(
                new MigrationScript.Header("change", List.of(), List.of(), List.of(), "rebuild", null, true),
                (ReversibleMigration) ops -> {
                    ops.alterColumn("invoice", "amount", c -> c.type(BIGINT));
                    ops.addColumn("invoice", column("status", INTEGER).notNull().serverDefault("0"));
                });
        Migrations migrations = Migrations.configure()
                .dataSource(ds)
                .locations()
                .scripts(change)
                .load();
        long start = System.nanoTime();
        migrations.upgrade("heads");
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long timeByHand(Path file) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            c.setAutoCommit(false);
            s.execute("CREATE TABLE invoice_new (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL,"
                    + " number VARCHAR(20) NOT NULL, amount BIGINT NOT NULL, note TEXT,"
                    + " status INTEGER DEFAULT 0 NOT NULL,"
                    + " CONSTRAINT fk_invoice_account FOREIGN KEY (account_id) REFERENCES account (id))");
            s.execute("INSERT INTO invoice_new (id, account_id, number, amount, note)"
                    + " SELECT id, account_id, number, amount, note FROM invoice");
            s.execute("DROP TABLE invoice");
            s.execute("ALTER TABLE invoice_new RENAME TO invoice");
            s.execute("CREATE INDEX ix_invoice_account ON invoice (account_id)");
            s.execute("CREATE UNIQUE INDEX ux_invoice_number ON invoice (number)");
            try (var problems = s.executeQuery("PRAGMA foreign_key_check")) {
                if (problems.next()) {
                    throw new IllegalStateException("foreign keys broken by the rebuild");
                }
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("PRAGMA foreign_keys = ON");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Path copy(Path template, Path dir, String name) throws Exception {
        Path target = dir.resolve(name + ".db");
        Files.copy(template, target);
        return target;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
