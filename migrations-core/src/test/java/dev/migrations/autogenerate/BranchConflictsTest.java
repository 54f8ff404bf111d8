package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.RevisionRequest;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.second.Clients;
import dev.migrations.lint.BranchConflicts;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two heads that touch the same object are named before anyone merges them: the revisions, the
 * object and what each does.
 */
class BranchConflictsTest {

    @TempDir
    Path tmp;

    /** Two developers autogenerate from the same revision: one drops a column, the other widens it. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoGeneratedBranchesThatTouchOneColumnAreReported(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            // two checkouts at the same revision: each developer generates their change there
            EntitySteps steps = new EntitySteps(db, tmp.resolve("one"));
            steps.step(List.of(Clients.Customer.class), "customers");
            GeneratedRevisions revisions = steps.revisions();
            String base = revisions.migrations(db).heads().get(0);
            GeneratedRevisions other = new GeneratedRevisions(tmp.resolve("two"));
            copySources(tmp.resolve("one"), tmp.resolve("two"));
            other.compile();

            String drop = branch(db, revisions, List.of(Clients.WithoutMail.class), base, "drop mail");
            String widen = branch(db, other, List.of(Clients.WithLongMail.class), base, "longer mail");
            copySources(tmp.resolve("two"), tmp.resolve("one"));
            revisions.compile();

            Migrations migrations = revisions.migrations(db);
            List<String> lines = BranchConflicts.lines(migrations.branchConflicts());
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0))
                    .startsWith("customers.mail: ")
                    .contains(drop + " drops column customers.mail", widen + " alters column customers.mail");

            migrations.merge("merge", List.of("heads"), null, null);
            revisions.compile();
            assertThat(revisions.migrations(db).branchConflicts())
                    .as("one head: nothing left to conflict")
                    .isEmpty();
        }
    }

    private static void copySources(Path from, Path to) throws Exception {
        Path sources = from.resolve("src");
        try (var files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve("src").resolve(sources.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String branch(
            TestDatabase db, GeneratedRevisions revisions, List<Class<?>> entities, String head, String message)
            throws Exception {
        return revisions
                .write(
                        db,
                        RevisionRequest.of(message)
                                .head(head, false)
                                .autogenerate(new RevisionRequest.Autogenerate(
                                        HibernateBoot.boot(db, entities, "none"), Renames.NONE, null)))
                .revision();
    }

    /** SQL revisions: two renames of one column, both adding one table; separate columns do not clash. */
    @Test
    void sqlBranchesThatRenameOrAddTheSameObjectAreReported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sql"));
        Scripts scripts = new Scripts(dir);
        scripts.sql(
                "base", null, "CREATE TABLE orders (id INTEGER PRIMARY KEY, note VARCHAR(20));", "DROP TABLE orders;");
        scripts.sql(
                "left",
                "base",
                "ALTER TABLE orders RENAME COLUMN note TO remark;\nCREATE TABLE audit (id INTEGER);"
                        + "\nALTER TABLE orders ADD COLUMN left_only INTEGER;",
                "DROP TABLE audit;\nALTER TABLE orders RENAME COLUMN remark TO note;");
        scripts.sql(
                "right",
                "base",
                "ALTER TABLE orders RENAME COLUMN note TO comment;\nCREATE TABLE audit (id INTEGER);"
                        + "\nALTER TABLE orders ADD COLUMN right_only INTEGER;",
                "DROP TABLE audit;\nALTER TABLE orders RENAME COLUMN comment TO note;");
        try (TestDatabase db = TestDatabases.create(Kind.H2, tmp)) {
            Migrations migrations = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations(scripts.location())
                    .load();
            assertThat(BranchConflicts.lines(migrations.branchConflicts()))
                    .containsExactlyInAnyOrder(
                            "orders.note: left renames column orders.note to remark, but right renames column"
                                    + " orders.note to comment",
                            "audit: left creates table audit, but right creates table audit");
        }
    }
}
