package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.cli.ApplicationProcess.Result;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two heads, one dropping the column the other renames ({@code db/conflicting}): {@code heads} names
 * the revisions and the column, and {@code check} fails on it, as application processes.
 */
class BranchConflictProcessTests {

    private static final String CONFLICTING = "--migrations.locations=classpath:db/conflicting";
    private static final String LINE =
            "  person.note: left0002 drops column person.note, but right0002 renames column person.note to remark";

    @TempDir
    Path dir;

    @Test
    void headsAndCheckNameTheConflictingRevisionsAndColumn() throws Exception {
        try (TestDatabase db = TestDatabases.create(Kind.SQLITE, dir)) {
            Result heads = run(db, "heads");
            assertThat(heads.exit()).as("%s", heads).isZero();
            assertThat(heads.out().strip().lines().toList())
                    .contains("left0002 (head)", "right0002 (head)")
                    .anyMatch(line -> line.startsWith("Conflicting branches"))
                    .contains(LINE);

            Result check = run(db, "check");
            assertThat(check.exit()).as("%s", check).isEqualTo(1);
            assertThat(check.out()).contains(LINE);
            assertThat(check.err()).contains("ERROR: The heads' branches conflict");
        }
    }

    private Result run(TestDatabase db, String command) throws Exception {
        return ApplicationProcess.migrations(dir, db.url(), CONFLICTING, command);
    }
}
