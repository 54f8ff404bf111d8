package dev.migrations.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a database whose DDL commits by itself (MariaDB, H2), a revision that fails at its third
 * statement stays partly applied, recorded as such, and resumes at that statement once it is fixed.
 */
class StatementJournalTest {

    private static final String FIRST_TWO =
            "CREATE TABLE a (id INTEGER PRIMARY KEY);\n" + "CREATE TABLE b (id INTEGER PRIMARY KEY);\n";

    @TempDir
    Path tmp;

    private Migrations migrations(TestDatabase db, Scripts scripts) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations(scripts.location())
                .load();
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB", "H2"})
    void aFailedRevisionIsRecordedPartlyAppliedAndResumesAtTheFailedStatement(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("base0001", null);
            Path revision = s.sql(
                    "part0002",
                    "base0001",
                    FIRST_TWO + "CREATE TABLE c (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES no_such_table (id));",
                    "DROP TABLE c;\nDROP TABLE b;\nDROP TABLE a;");

            assertThatThrownBy(() -> migrations(db, s).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("Revision part0002")
                    .hasMessageContaining("stopped at its statement 3")
                    .hasMessageContaining("its first 2 statement(s) stay applied")
                    .hasMessageContaining("statements_done = 2")
                    .hasMessageContaining("Fix statement 3 and run the upgrade again");

            Migrations m = migrations(db, s);
            assertThat(m.current()).containsExactly("base0001");
            assertThat(tables(db)).contains("a", "b").doesNotContain("c");
            HistoryRecord failed = m.appliedHistory().get(1);
            assertThat(failed.revision()).isEqualTo("part0002");
            assertThat(failed.success()).isFalse();
            assertThat(failed.statementsDone()).isEqualTo(2);
            assertThat(failed.partiallyApplied()).isTrue();
            DatabaseStatus status = m.status();
            assertThat(status.revision("part0002").state()).isEqualTo(DatabaseStatus.State.PARTIALLY_APPLIED);
            assertThat(status.failed())
                    .extracting(DatabaseStatus.RevisionStatus::id)
                    .containsExactly("part0002");

            // the fix: only the failed statement changes; the run resumes there instead of re-creating a and b
            java.nio.file.Files.writeString(
                    revision,
                    java.nio.file.Files.readString(revision)
                            .replace("REFERENCES no_such_table (id)", "REFERENCES a (id)"));
            Migrations fixed = migrations(db, s);
            fixed.upgrade("heads");
            assertThat(fixed.current()).containsExactly("part0002");
            assertThat(tables(db)).contains("a", "b", "c");
            List<HistoryRecord> history = fixed.appliedHistory();
            HistoryRecord resumed = history.get(history.size() - 1);
            assertThat(resumed.success()).isTrue();
            assertThat(resumed.statementsDone()).isEqualTo(3);
            assertThat(history.get(1).partiallyApplied())
                    .as("the failed run stays in the audit")
                    .isTrue();
            assertThat(fixed.status().revision("part0002").state()).isEqualTo(DatabaseStatus.State.APPLIED);

            fixed.downgrade("base0001");
            assertThat(tables(db)).doesNotContain("a", "b", "c");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB"})
    void editingACompletedStatementIsRefusedAndStampStartsTheRevisionOver(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("base0001", null);
            Path revision = s.sql(
                    "part0002",
                    "base0001",
                    FIRST_TWO + "CREATE TABLE c (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES no_such_table (id));",
                    "DROP TABLE c;\nDROP TABLE b;\nDROP TABLE a;");
            assertThatThrownBy(() -> migrations(db, s).upgrade("heads")).isInstanceOf(MigrationsException.class);

            java.nio.file.Files.writeString(
                    revision,
                    java.nio.file.Files.readString(revision)
                            .replace(
                                    "CREATE TABLE b (id INTEGER PRIMARY KEY)", "CREATE TABLE b (id BIGINT PRIMARY KEY)")
                            .replace("REFERENCES no_such_table (id)", "REFERENCES a (id)"));
            assertThatThrownBy(() -> migrations(db, s).upgrade("heads"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining("Revision part0002 was partly applied")
                    .hasMessageContaining("no longer the ones that ran")
                    .hasMessageContaining("migrations stamp --purge");
            assertThat(tables(db)).doesNotContain("c");

            // undone by hand and stamped where the database stands: the revision runs from the top
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("DROP TABLE b");
                st.execute("DROP TABLE a");
            }
            Migrations m = migrations(db, s);
            m.stamp(List.of("base0001"), true);
            m.upgrade("heads");
            assertThat(m.current()).containsExactly("part0002");
            assertThat(tables(db)).contains("a", "b", "c");
        }
    }

    /** A history table made before the journal is read as it is, and the next run adds the two columns. */
    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"MARIADB", "H2"})
    void aHistoryTableFromBeforeTheJournalGetsItsColumns(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("base0001", null);
            migrations(db, s).upgrade("heads");
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("ALTER TABLE \"migrations_history\" DROP COLUMN statements_done");
                st.execute("ALTER TABLE \"migrations_history\" DROP COLUMN statements_checksum");
            }
            assertThat(migrations(db, s).appliedHistory())
                    .singleElement()
                    .satisfies(h -> assertThat(h.statementsDone()).isZero());

            s.table("next0002", "base0001");
            Migrations m = migrations(db, s);
            m.upgrade("heads");
            assertThat(m.appliedHistory())
                    .extracting(HistoryRecord::statementsDone)
                    .containsExactly(0, 1);
        }
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        String sql = db.kind() == Kind.MARIADB
                ? "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()"
                : "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'";
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
