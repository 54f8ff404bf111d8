package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.cli.ApplicationProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision whose second statement fails on a database whose DDL commits by itself (an H2 file
 * here, as MySQL/MariaDB): {@code current} and {@code history --indicate-current} name it as
 * partially applied, with the statements that stay committed, as application processes.
 */
class PartiallyAppliedProcessTests {

    @TempDir
    Path dir;

    @Test
    void currentAndHistoryNameAPartiallyAppliedRevision() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("0001_people.sql"), """
                -- revision: part0001
                -- message: people

                -- +upgrade
                CREATE TABLE people (id INT PRIMARY KEY);

                -- +downgrade
                DROP TABLE people;
                """);
        Files.writeString(scripts.resolve("0002_orders.sql"), """
                -- revision: part0002
                -- down_revision: part0001
                -- message: orders and their lines

                -- +upgrade
                CREATE TABLE orders (id INT PRIMARY KEY);
                CREATE TABLE order_lines (id INT PRIMARY KEY, order_id INT REFERENCES no_such_table (id));

                -- +downgrade
                DROP TABLE order_lines;
                DROP TABLE orders;
                """);
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";USER=sa";
        String locations = "--migrations.locations=filesystem:" + scripts;

        Result upgrade = run(url, locations, "upgrade", "heads");
        assertThat(upgrade.exit()).as("%s", upgrade).isEqualTo(1);
        assertThat(upgrade.err()).contains("part0002");

        Result current = run(url, locations, "current");
        assertThat(current.exit()).as("%s", current).isZero();
        assertThat(current.out().strip().lines().toList())
                .anyMatch(line -> line.startsWith("part0001"))
                .contains("part0002 (partially applied: 1 statement(s) committed; fix the failing statement and"
                        + " run upgrade, which resumes after them)");

        Result history = run(url, locations, "history", "--indicate-current");
        assertThat(history.exit()).as("%s", history).isZero();
        assertThat(history.out().lines())
                .anyMatch(line -> line.contains("part0002") && line.endsWith("(partially applied: 1 statement(s))"))
                .noneMatch(line -> line.startsWith("<base> -> part0001") && line.contains("partially"));
    }

    private Result run(String url, String locations, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(locations));
        args.addAll(List.of(command));
        return ApplicationProcess.migrations(dir, url, args.toArray(String[]::new));
    }
}
