package dev.migrations.ops;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrations;
import dev.migrations.api.RevisionFailedException;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.ops.OnlineDdl.Algorithm;
import dev.migrations.ops.OnlineDdl.Lock;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB: the ALGORITHM/LOCK each table change asks for by default is in the statement sent, the
 * server accepts it, and the table is neither copied nor rebuilt (InnoDB gives a rebuilt table a new
 * TABLE_ID); a request the server cannot meet fails the revision with what to do, leaving the
 * statements before it applied and the table as it was.
 */
class MariaDbOnlineDdlTest {

    @TempDir
    Path dir;

    /** Every operation that gets a default request, on the fixture's {@code user} table. */
    private static final MigrationScript DEFAULTS = CodeRevisions.reversible("op", "setup", ops -> {
        ops.addColumn("user", column("nickname", varchar(40)).serverDefault("'none'"));
        ops.renameColumn("user", "select", "choice");
        ops.alterColumn("user", "name", c -> c.serverDefault("'anon'").existing(column("name", varchar(100))));
        ops.createIndex(index("ix_user_email", "user", "email"));
        ops.createIndex(index("ix_user_name", "user", "name"));
        ops.dropIndex(index("ix_user_name", "user", "name"));
    });

    @Test
    void eachDefaultIsSentAndAcceptedWithoutCopyingTheTable() throws Exception {
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = f.migrations(DEFAULTS);
            m.upgrade("setup");
            assertThat(m.upgradeSql("setup:op"))
                    .contains("ADD COLUMN nickname VARCHAR(40) DEFAULT 'none', ALGORITHM=INSTANT;")
                    .contains("RENAME COLUMN `select` TO choice, ALGORITHM=INPLACE, LOCK=NONE;")
                    .contains("ALTER COLUMN name SET DEFAULT 'anon', ALGORITHM=INSTANT;")
                    .contains("CREATE INDEX ix_user_email ON `user` (email) ALGORITHM=INPLACE LOCK=NONE;")
                    .contains("ALTER TABLE `user` DROP INDEX ix_user_name, ALGORITHM=INPLACE, LOCK=NONE;");
            long user = tableId(f, "user");

            m.upgrade("op");

            assertThat(m.current()).containsExactly("op");
            assertThat(tableId(f, "user"))
                    .as("user was neither copied nor rebuilt")
                    .isEqualTo(user);
            assertThat(f.count("SELECT count(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND INDEX_NAME = 'ix_user_email'"))
                    .isEqualTo(1);
            assertThat(f.count("SELECT count(*) FROM \"user\" WHERE nickname = 'none'"))
                    .isEqualTo(2);

            m.downgrade("setup"); // the reverses get their defaults too
            assertThat(tableId(f, "user")).isEqualTo(user);
            assertThat(f.count("SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'user' AND COLUMN_NAME IN ('nickname', 'choice')"))
                    .isZero();
        }
    }

    @Test
    void anInstantChangeTheServerRefusesFailsWithWhatToDoAndKeepsTheStatementsBefore() throws Exception {
        MigrationScript refused = CodeRevisions.of(
                "op",
                "setup",
                ops -> {
                    ops.addColumn("user", column("nickname", varchar(40)));
                    // shrinking a VARCHAR rewrites every row: MariaDB cannot do it instantly
                    ops.online(Algorithm.INSTANT).alterColumn("user", "name", c -> c.type(varchar(20)));
                },
                ops -> {});
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = f.migrations(refused);
            m.upgrade("setup");
            long user = tableId(f, "user");

            assertThatThrownBy(() -> m.upgrade("op"))
                    .isInstanceOf(RevisionFailedException.class)
                    .hasMessageContaining("Revision op")
                    .hasMessageContaining("ALGORITHM=INSTANT is not supported")
                    .hasMessageContaining("alter column user.name asked for ALGORITHM=INSTANT (its own request)")
                    .hasMessageContaining("ops.online(Algorithm.COPY).alterColumn(...)")
                    .hasMessageNotContaining("ddlOnlineDefaults");

            assertThat(m.status().revision("op").state()).isEqualTo(DatabaseStatus.State.PARTIALLY_APPLIED);
            assertThat(f.count("SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'user' AND COLUMN_NAME = 'nickname'"))
                    .as("the statement before the refused one stays applied")
                    .isEqualTo(1);
            assertThat(f.count("SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                            + " DATABASE() AND TABLE_NAME = 'user' AND COLUMN_NAME = 'name'"))
                    .isEqualTo(100);
            assertThat(tableId(f, "user")).as("nothing copied the table").isEqualTo(user);
        }
    }

    /**
     * InnoDB cannot add a column instantly to a table with a FULLTEXT index: the default request
     * fails with both ways out, and with the defaults turned off the server rebuilds the table.
     */
    @Test
    void aDefaultTheServerRefusesNamesTheSettingAndTheDefaultsCanBeTurnedOff() throws Exception {
        MigrationScript refused = CodeRevisions.of(
                "op",
                "setup",
                ops -> {
                    ops.executeOn("mariadb", "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY (body))");
                    ops.addColumn("notes", column("title", varchar(40)));
                },
                ops -> {});
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = f.migrations(refused);
            m.upgrade("setup");
            assertThatThrownBy(() -> m.upgrade("op"))
                    .hasMessageContaining("Revision op")
                    .hasMessageContaining(
                            "add column title to notes asked for ALGORITHM=INSTANT (the MySQL/MariaDB default for it)")
                    .hasMessageContaining("ops.online(Algorithm.COPY).addColumn(...)")
                    .hasMessageContaining("set ddlOnlineDefaults to false");
            assertThat(f.count("SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'notes'"))
                    .isEqualTo(1);

            Migrations serverChooses = Migrations.configure()
                    .dataSource(f.db.dataSource())
                    .locations()
                    .scripts(OpsFixture.BASE, refused)
                    .ddlOnlineDefaults(false)
                    .load();
            serverChooses.upgrade("op"); // resumes at the refused statement, now without a clause
            assertThat(serverChooses.current()).containsExactly("op");
            assertThat(f.count("SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'notes' AND COLUMN_NAME = 'title'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void anExplicitRequestReplacesTheDefault() throws Exception {
        MigrationScript copy = CodeRevisions.reversible(
                "op",
                "setup",
                ops -> ops.online(Algorithm.COPY, Lock.SHARED).createIndex(index("ix_user_name", "user", "name")));
        try (OpsFixture f = new OpsFixture(Kind.MARIADB, dir)) {
            Migrations m = f.migrations(copy);
            m.upgrade("setup");
            assertThat(m.upgradeSql("setup:op"))
                    .contains("CREATE INDEX ix_user_name ON `user` (name) ALGORITHM=COPY LOCK=SHARED;");
            long user = tableId(f, "user");
            m.upgrade("op");
            assertThat(tableId(f, "user")).as("ALGORITHM=COPY made a new table").isNotEqualTo(user);
        }
    }

    /** InnoDB's id of a table: a copy or a rebuild makes a new one. */
    private static long tableId(OpsFixture f, String table) throws SQLException {
        return f.count("SELECT TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME = CONCAT(DATABASE(), '/"
                + table + "')");
    }
}
