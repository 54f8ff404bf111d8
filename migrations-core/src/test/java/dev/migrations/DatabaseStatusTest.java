package dev.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.DatabaseStatus.RevisionStatus;
import dev.migrations.DatabaseStatus.State;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Validation;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator's view of a database: every revision's state, read without writing anything. */
class DatabaseStatusTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void statesFollowTheDatabaseThroughPendingFailedDriftedAndMissing(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            Path first = s.table("aaaa0001", null);
            Path broken = s.sql("bbbb0002", "aaaa0001", "INSERT INTO no_such_table VALUES (1);", "SELECT 1;");
            Migrations m = load(db, s);

            DatabaseStatus fresh = m.status();
            assertThat(fresh.currentHeads()).isEmpty();
            assertThat(fresh.pending()).containsExactly("aaaa0001", "bbbb0002");
            assertThat(fresh.revisions())
                    .extracting(RevisionStatus::id, RevisionStatus::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("aaaa0001", State.PENDING),
                            org.assertj.core.groups.Tuple.tuple("bbbb0002", State.PENDING));
            assertThat(fresh.upToDate()).isFalse();
            assertThat(m.current()).as("reading the status created nothing").isEmpty();

            assertThatThrownBy(() -> m.upgrade("heads")).isInstanceOf(MigrationsException.class);
            DatabaseStatus failed = m.status();
            assertThat(failed.currentHeads()).containsExactly("aaaa0001");
            assertThat(failed.revision("aaaa0001").state()).isEqualTo(State.APPLIED);
            assertThat(failed.revision("bbbb0002").state()).isEqualTo(State.FAILED);
            assertThat(failed.failed()).extracting(RevisionStatus::id).containsExactly("bbbb0002");
            assertThat(failed.historyOf("bbbb0002"))
                    .singleElement()
                    .satisfies(h -> assertThat(h.success()).isFalse());

            // fix the failing script, apply it, then edit the first one: drift, not failure
            Files.delete(broken);
            Path fixed = s.table("bbbb0002", "aaaa0001");
            load(db, s).upgrade("heads");
            Files.writeString(first, Files.readString(first).replace("VARCHAR(50)", "VARCHAR(80)"));
            DatabaseStatus drifted = load(db, s).status();
            assertThat(drifted.upToDate()).isTrue();
            assertThat(drifted.failed()).isEmpty();
            assertThat(drifted.revision("aaaa0001").state()).isEqualTo(State.CHECKSUM_MISMATCH);
            assertThat(drifted.revision("bbbb0002").state()).isEqualTo(State.APPLIED);
            assertThat(drifted.checksumMismatches())
                    .extracting(Validation.ChecksumMismatch::revision)
                    .containsExactly("aaaa0001");

            // an older deploy that lacks the newest revision
            Files.delete(fixed);
            DatabaseStatus older = load(db, s).status();
            assertThat(older.currentHeads()).containsExactly("bbbb0002");
            assertThat(older.revision("bbbb0002").state()).isEqualTo(State.MISSING_FROM_SCRIPTS);
            assertThat(older.revision("bbbb0002").source()).isNull();
            assertThat(older.upToDate()).isFalse();
        }
    }

    private static Migrations load(TestDatabase db, Scripts s) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations(s.location())
                .load();
    }
}
