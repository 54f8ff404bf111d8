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
 * partially applied, with the statements that stay committed, and {@code downgrade} undoes only those
 * (a Java revision) or refuses (a SQL revision), as application processes.
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
                        + " run upgrade, which resumes after them, or downgrade -1 to undo them)");

        Result history = run(url, locations, "history", "--indicate-current");
        assertThat(history.exit()).as("%s", history).isZero();
        assertThat(history.out().lines())
                .anyMatch(line -> line.contains("part0002") && line.endsWith("(partially applied: 1 statement(s))"))
                .noneMatch(line -> line.startsWith("<base> -> part0001") && line.contains("partially"));
    }

    /**
     * {@code downgrade -1} through a partly applied Java revision undoes its two committed statements
     * and names it so; after it neither {@code current} nor {@code history} shows it partially applied.
     */
    @Test
    void downgradeUndoesOnlyTheCommittedStatementsOfAJavaRevision() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";USER=sa";
        String locations = "--migrations.locations=classpath:db/partial";
        Result upgrade = run(url, locations, "upgrade", "heads");
        assertThat(upgrade.exit()).as("%s", upgrade).isEqualTo(1);

        Result downgrade = run(url, locations, "downgrade", "-1");
        assertThat(downgrade.exit()).as("%s", downgrade).isZero();
        assertThat(downgrade.out().lines())
                .contains(
                        "Downgrading from part0001 (part0002 partially applied) to part0001 (-1): reverting 1 revision(s), which"
                                + " may drop tables, columns and data:")
                .contains("  part0002  orders and a note  (partially applied: undoing only its 2 committed"
                        + " statement(s))")
                .contains("The database is now at part0001.");

        Result current = run(url, locations, "current");
        assertThat(current.exit()).as("%s", current).isZero();
        assertThat(current.out()).contains("part0001").doesNotContain("part0002");
        Result history = run(url, locations, "history", "--indicate-current");
        assertThat(history.out()).doesNotContain("partially applied");
        Result again = run(url, locations, "downgrade", "part0001");
        assertThat(again.out()).contains("Nothing to downgrade: the database is at part0001.");
    }

    /** A SQL revision's committed statements are not undone: the refusal names it and what to do. */
    @Test
    void downgradeRefusesToGuessTheUndoOfASqlRevision() throws Exception {
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
                -- message: orders

                -- +upgrade
                CREATE TABLE orders (id INT PRIMARY KEY);
                CREATE TABLE people (id INT PRIMARY KEY);

                -- +downgrade
                DROP TABLE orders;
                """);
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";USER=sa";
        String locations = "--migrations.locations=filesystem:" + scripts;
        assertThat(run(url, locations, "upgrade", "heads").exit()).isEqualTo(1);

        Result downgrade = run(url, locations, "downgrade", "-1");
        assertThat(downgrade.exit()).as("%s", downgrade).isEqualTo(1);
        assertThat(downgrade.err())
                .contains("Revision part0002")
                .contains("it is a SQL revision")
                .contains("Nothing was changed: the database is still at part0001")
                .contains("migrations stamp --purge part0001");
        assertThat(run(url, locations, "current").out()).contains("part0002 (partially applied: 1 statement(s)");
    }

    private Result run(String url, String locations, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(locations));
        args.addAll(List.of(command));
        return ApplicationProcess.migrations(dir, url, args.toArray(String[]::new));
    }
}
