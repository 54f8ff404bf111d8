package dev.migrations.lint;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.rawType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.Migrations;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENUM changes on a live MariaDB table: appending values is in place, anything else copies the table. */
class MysqlLintTest {

    static final Set<String> RULES_TESTED_THERE = Set.of("enum-not-appended");

    @TempDir
    Path dir;

    @Test
    void enumValuesMayOnlyBeAppended() throws Exception {
        try (TestDatabase db = TestDatabases.mariadb()) {
            ReversibleMigration create = ops -> ops.createTable(
                    "tickets", column("id", BIGINT).primaryKey(), column("state", rawType("enum('new','open')")));
            ReversibleMigration append =
                    ops -> ops.alterColumn("tickets", "state", c -> c.type(rawType("enum('new','open','closed')")));
            ReversibleMigration reorder =
                    ops -> ops.alterColumn("tickets", "state", c -> c.type(rawType("enum('open','new')")));
            ReversibleMigration insert =
                    ops -> ops.alterColumn("tickets", "state", c -> c.type(rawType("enum('new','waiting','open')")));
            Migrations m = Migrations.configure()
                    .dataSource(db.dataSource())
                    .locations()
                    .scripts(
                            LintCorpus.java("enum_create", null, true, create),
                            LintCorpus.java("enum_append", "enum_create", true, append),
                            LintCorpus.java("enum_reorder", "enum_create", true, reorder),
                            LintCorpus.java("enum_insert", "enum_create", true, insert))
                    .lint(LintSettings.DEFAULTS.smallTableRows(0))
                    .load();
            m.upgrade("enum_create");

            assertThat(m.lint("enum_create:enum_append").rules()).doesNotContain("enum-not-appended", "table-copy");
            assertThat(m.lint("enum_create:enum_reorder").rules())
                    .contains("enum-not-appended")
                    .doesNotContain("table-copy");
            assertThat(m.lint("enum_create:enum_insert").rules()).contains("enum-not-appended");
        }
    }
}
