package dev.migrations.demo;

import dev.migrations.Migrations;
import dev.migrations.RevisionInfo;
import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteDataSource;

/**
 * A minimal tour of the engine until the sample app exists: migrates ./data/demo.db (SQLite)
 * through a branched graph and its merge, then prints the heads and the history.
 */
public final class DemoMain {

    private DemoMain() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "data/demo.db");
        Files.createDirectories(file.toAbsolutePath().getParent());
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        Migrations migrations = Migrations.configure()
                .dataSource(ds)
                .locations("classpath:demo/migrations")
                .load();

        System.out.println("Script heads: " + migrations.heads());
        System.out.println("Database " + file + " is at: " + migrations.current());
        for (AppliedStep step : migrations.upgrade("heads")) {
            System.out.println("  applied " + step.direction().sqlName() + " " + step.revision() + " (" + step.message()
                    + ") in " + step.executionMillis() + " ms");
        }
        System.out.println("Now at: " + migrations.current());
        System.out.println("\nRevisions, newest first:");
        for (RevisionInfo revision : migrations.history(null)) {
            System.out.println("  " + String.join(", ", revision.downRevisions()) + " -> " + revision.id()
                    + (revision.head() ? " (head)" : "") + ", " + revision.message());
        }
        System.out.println("\nApplied history:");
        for (HistoryRecord row : migrations.appliedHistory()) {
            System.out.println("  " + row.appliedAt() + " " + row.direction().sqlName() + " " + row.revision()
                    + (row.success() ? " ok " : " FAILED ") + row.executionMillis() + " ms by " + row.appliedBy());
        }
    }
}
