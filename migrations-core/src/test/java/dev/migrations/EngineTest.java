package dev.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.HistoryRecord;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Validation;
import dev.migrations.testing.Scripts;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine end to end on real PostgreSQL, SQLite files and H2. */
class EngineTest {

    @TempDir
    Path tmp;

    private Migrations migrations(TestDatabase db, Scripts scripts) {
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations(scripts.location())
                .load();
    }

    /** Alembic's answer: from the first revision, one step down is base, not "nothing to downgrade". */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void minusOneFromTheFirstRevisionReachesBase(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("aaaa0001", null);
            s.table("bbbb0002", "aaaa0001");
            Migrations m = migrations(db, s);
            m.upgrade("aaaa0001");
            assertThat(m.downgrade("-1")).extracting(AppliedStep::revision).containsExactly("aaaa0001");
            assertThat(m.current()).isEmpty();
            assertThat(tables(db)).doesNotContain("t_aaaa0001");
            m.upgrade("aaaa0001");
            assertThatThrownBy(() -> m.downgrade("-2")).hasMessageContaining("didn't produce 2 migrations");
            assertThat(m.current()).containsExactly("aaaa0001");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linearUpgradeDowngradeAndHistory(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("aaaa0001", null);
            s.table("bbbb0002", "aaaa0001");
            s.table("cccc0003", "bbbb0002");
            Migrations m = migrations(db, s);

            assertThat(m.current()).isEmpty();
            List<AppliedStep> applied = m.upgrade("head");
            assertThat(applied).extracting(AppliedStep::revision).containsExactly("aaaa0001", "bbbb0002", "cccc0003");
            assertThat(m.current()).containsExactly("cccc0003");
            assertThat(tables(db)).contains("t_aaaa0001", "t_bbbb0002", "t_cccc0003");
            assertThat(m.upgrade("heads")).as("nothing pending").isEmpty();
            assertThat(m.validate().upToDate()).isTrue();

            assertThat(m.downgrade("-1")).extracting(AppliedStep::revision).containsExactly("cccc0003");
            assertThat(m.current()).containsExactly("bbbb0002");
            assertThat(tables(db)).doesNotContain("t_cccc0003");
            assertThat(m.validate().pending()).containsExactly("cccc0003");

            m.downgrade("base");
            assertThat(m.current()).isEmpty();
            assertThat(tables(db)).doesNotContain("t_aaaa0001", "t_bbbb0002");
            m.upgrade("+2");
            assertThat(m.current()).containsExactly("bbbb0002");

            List<HistoryRecord> history = m.appliedHistory();
            assertThat(history)
                    .extracting(r -> r.direction() + " " + r.revision())
                    .containsExactly(
                            "UPGRADE aaaa0001",
                            "UPGRADE bbbb0002",
                            "UPGRADE cccc0003",
                            "DOWNGRADE cccc0003",
                            "DOWNGRADE bbbb0002",
                            "DOWNGRADE aaaa0001",
                            "UPGRADE aaaa0001",
                            "UPGRADE bbbb0002");
            HistoryRecord first = history.get(0);
            assertThat(first.success()).isTrue();
            assertThat(first.checksum()).hasSize(64);
            assertThat(first.appliedAt()).isNotNull();
            assertThat(first.appliedBy()).isNotNull();
            assertThat(history.get(1).downRevisions()).containsExactly("aaaa0001");
        }
    }

    /** Schema per tenant: a new tenant's schema starts empty although its neighbours are migrated. */
    @org.junit.jupiter.api.Test
    void aFreshSchemaIsNotMistakenForANeighbourThatHasTheVersionTable() throws Exception {
        try (TestDatabase migrated = TestDatabases.postgres();
                TestDatabase fresh = TestDatabases.postgres()) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("aaaa0001", null);
            migrations(migrated, s).upgrade("heads");

            Migrations m = migrations(fresh, s);
            assertThat(m.current()).isEmpty();
            assertThat(m.status().pending()).containsExactly("aaaa0001");
            assertThat(m.upgrade("heads")).extracting(AppliedStep::revision).containsExactly("aaaa0001");
            assertThat(m.current()).containsExactly("aaaa0001");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failingRevisionRollsBackAndIsRecorded(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("aaaa0001", null);
            s.sql(
                    "bbbb0002",
                    "aaaa0001",
                    "INSERT INTO t_aaaa0001 (id, name) VALUES (1, 'x');\n" + "INSERT INTO no_such_table VALUES (1);",
                    "SELECT 1;");
            s.table("cccc0003", "bbbb0002");
            Migrations m = migrations(db, s);

            assertThatThrownBy(() -> m.upgrade("heads"))
                    .isInstanceOf(MigrationsException.class)
                    .hasMessageContaining(
                            "Revision bbbb0002 (" + s.dir().resolve("001_bbbb0002.sql") + ") failed during upgrade")
                    .hasMessageContaining("001_bbbb0002.sql:7")
                    .hasMessageContaining("INSERT INTO no_such_table VALUES (1)")
                    .hasMessageContaining(
                            "The run started at base and applied 1 step(s) before this one (aaaa0001); the"
                                    + " database is now at aaaa0001.")
                    .satisfies(e ->
                            assertThat(((MigrationsException) e).revision()).isEqualTo("bbbb0002"));
            assertThat(m.current()).containsExactly("aaaa0001");
            assertThat(count(db, "SELECT COUNT(*) FROM t_aaaa0001"))
                    .as("the revision's first insert rolled back")
                    .isZero();
            HistoryRecord failure = m.appliedHistory().get(1);
            assertThat(failure.revision()).isEqualTo("bbbb0002");
            assertThat(failure.success()).isFalse();
            assertThat(failure.error().toLowerCase(Locale.ROOT)).contains("no_such_table");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void editedAppliedScriptIsReportedByName(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            Path first = s.table("aaaa0001", null);
            migrations(db, s).upgrade("heads");
            Files.writeString(first, Files.readString(first).replace("VARCHAR(50)", "VARCHAR(80)"));
            s.table("bbbb0002", "aaaa0001");
            Migrations m = migrations(db, s);

            Validation v = m.validate();
            assertThat(v.checksumMismatches())
                    .singleElement()
                    .satisfies(x -> assertThat(x.source()).isEqualTo(first.toString()));
            assertThatThrownBy(() -> m.upgrade("heads"))
                    .hasMessageContaining("edited after they ran")
                    .hasMessageContaining("revision aaaa0001 (" + first + ")");
            assertThat(m.current()).containsExactly("aaaa0001");
            // line endings alone are not an edit
            Files.writeString(
                    first,
                    Files.readString(first)
                            .replace("VARCHAR(80)", "VARCHAR(50)")
                            .replace("\n", "\r\n"));
            assertThat(migrations(db, s).upgrade("heads"))
                    .extracting(AppliedStep::revision)
                    .containsExactly("bbbb0002");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void branchesMergeAndStampKeepOneRowPerHead(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("1975ea83b712", null);
            s.table("27c6a30d7c24", "1975ea83b712");
            s.table("ae1027a6acf", "1975ea83b712");
            s.sql("53fffde5ad5", "ae1027a6acf, 27c6a30d7c24", "", "");
            Migrations m = migrations(db, s);

            m.upgrade("27c6a30d7c24");
            m.upgrade("ae1027a6acf");
            assertThat(m.current()).containsExactlyInAnyOrder("27c6a30d7c24", "ae1027a6acf");
            assertThatThrownBy(() -> m.downgrade("-1")).hasMessageContaining("ambiguous");
            m.upgrade("heads");
            assertThat(m.current()).containsExactly("53fffde5ad5");
            m.downgrade("27c6a30d7c24");
            assertThat(m.current()).containsExactlyInAnyOrder("27c6a30d7c24", "ae1027a6acf");
            m.downgrade("ae1027a6acf@-1");
            assertThat(m.current()).containsExactly("27c6a30d7c24");
            assertThat(tables(db)).doesNotContain("t_ae1027a6acf").contains("t_27c6a30d7c24");

            m.stamp(List.of("heads"), false);
            assertThat(m.current()).containsExactly("53fffde5ad5");
            assertThat(tables(db)).as("stamp runs nothing").doesNotContain("t_ae1027a6acf");
            m.stamp(List.of("base"), false);
            assertThat(m.current()).isEmpty();
            m.stamp(List.of("27c6a30d7c24", "ae1027a6acf"), false);
            assertThat(m.current()).containsExactlyInAnyOrder("27c6a30d7c24", "ae1027a6acf");
            m.stamp(List.of("1975ea83b712"), true);
            assertThat(m.current()).containsExactly("1975ea83b712");
            assertThat(m.appliedHistory())
                    .filteredOn(r -> r.direction() == HistoryRecord.Direction.STAMP)
                    .isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void javaAndSqlMigrationsFromTheClasspathFormOneGraph(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations("classpath:dev/migrations/fixtures/java")
                    .load();
            assertThat(m.heads()).containsExactly("ja0000000002");
            m.upgrade("heads");
            assertThat(count(db, "SELECT COUNT(*) FROM notes")).isEqualTo(3);
            m.downgrade("base");
            assertThat(tables(db)).doesNotContain("notes", "users");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownRevisionInTheDatabaseIsExplained(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("aaaa0001", null);
            Migrations m = migrations(db, s);
            m.stamp(List.of("aaaa0001"), false);
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE \"migrations_version\" SET version_num = 'gone00000001'");
            }
            assertThatThrownBy(() -> m.upgrade("heads"))
                    .hasMessageContaining("revision gone00000001")
                    .hasMessageContaining("which no script defines");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void offlineSqlRunsAsAScript(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, tmp)) {
            Scripts s = new Scripts(tmp.resolve("m"));
            s.table("aaaa0001", null);
            s.table("bbbb0002", "aaaa0001");
            Migrations offline = Migrations.configure()
                    .dialect(kind.name())
                    .locations(s.location())
                    .load();
            String sql = offline.upgradeSql("heads");
            String version = kind == Kind.MARIADB ? "`migrations_version`" : "\"migrations_version\"";
            assertThat(sql)
                    .contains("CREATE TABLE IF NOT EXISTS " + version)
                    .contains("CREATE TABLE t_aaaa0001")
                    .contains("INSERT INTO " + version + " (version_num) VALUES ('aaaa0001');")
                    .contains("UPDATE " + version + " SET version_num = 'bbbb0002' WHERE version_num = 'aaaa0001';");
            // where DDL commits by itself (MariaDB) a BEGIN would promise an atomicity the script lacks
            if (kind == Kind.MARIADB) {
                assertThat(sql).doesNotContain("BEGIN;");
            } else {
                assertThat(sql).contains("BEGIN;");
            }
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                for (dev.migrations.internal.script.SqlStatement statement :
                        dev.migrations.internal.script.SqlSplitter.split(sql, 1)) {
                    st.execute(statement.sql());
                }
            }
            Migrations online = migrations(db, s);
            assertThat(online.current()).containsExactly("bbbb0002");
            assertThat(online.validate().valid()).isTrue();
            String down = offline.downgradeSql("bbbb0002:base");
            assertThat(down).contains("DROP TABLE t_bbbb0002").contains("DELETE FROM " + version);
            assertThatThrownBy(() -> offline.downgradeSql("base")).hasMessageContaining("requires <fromrev>:<torev>");
        }
    }

    static List<String> tables(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        if (db.kind() == Kind.POSTGRESQL || db.kind() == Kind.MARIADB) {
            names.clear();
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                    + (db.kind() == Kind.MARIADB ? "DATABASE()" : "current_schema()"))) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
