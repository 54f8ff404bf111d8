package dev.migrations.ops;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.Migrations;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.SqlSplitter;
import dev.migrations.internal.script.SqlStatement;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.CodeRevisions;
import dev.migrations.testing.TestDatabases;
import dev.migrations.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Offline SQL from Java migrations built of operations: the script, run by hand on an empty
 * database, must leave the same catalog as running the migrations online.
 */
class OfflineOpsTest {

    @TempDir
    Path dir;

    /** Changes that need a SQLite rebuild, which offline works from the definitions it has seen. */
    private static final MigrationScript CHANGE = CodeRevisions.reversible("change", "setup", ops -> {
        ops.addColumn("user", column("nickname", varchar(40)).notNull().serverDefault("'-'"));
        ops.alterColumn(
                "order",
                "status",
                c -> c.type(varchar(30))
                        .nullable(false)
                        .serverDefault("'new'")
                        .existing(OpsFixture.ORDER.requireColumn("status")));
        ops.renameColumn("user", "name", "full_name");
        ops.createIndex(index("ix_user_nickname", "user", "nickname"));
        ops.dropColumn(
                "order",
                column("total", dev.migrations.schema.Dsl.decimal(10, 2))
                        .notNull()
                        .serverDefault("0"));
        ops.addColumn("order", column("total_cents", BIGINT));
    });

    @ParameterizedTest
    @EnumSource(Kind.class)
    void scriptRunByHandMatchesOnlineUpgrade(Kind kind) throws Exception {
        try (OpsFixture online = new OpsFixture(kind, dir);
                var offline = TestDatabases.create(kind, dir)) {
            online.migrations(CHANGE).upgrade("heads");
            String script = Migrations.configure()
                    .dialect(kind.name())
                    .locations()
                    .scripts(OpsFixture.BASE, CHANGE)
                    .load()
                    .upgradeSql("heads");
            String quote = kind == Kind.MARIADB ? "`" : "\"";
            assertThat(script)
                    .contains(quote + "order" + quote)
                    .contains(quote + "user" + quote)
                    .contains(quote + "select" + quote);
            try (Connection c = offline.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                for (SqlStatement statement : SqlSplitter.split(script, 1)) {
                    s.execute(statement.sql());
                }
            }
            assertThat(Catalog.read(offline)).isEqualTo(Catalog.read(online.db));
            assertThat(online.count("SELECT count(*) FROM \"order\"")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dataCodeOfflineFailsNamingTheRevision(Kind kind) {
        MigrationScript data =
                CodeRevisions.of("fixdata", "setup", ops -> ops.update("UPDATE \"user\" SET name = ?", "x"), ops -> {});
        Migrations m = Migrations.configure()
                .dialect(kind.name())
                .locations()
                .scripts(OpsFixture.BASE, data)
                .load();
        assertThatThrownBy(() -> m.upgradeSql("heads"))
                .hasMessageContaining("revision fixdata")
                .hasMessageContaining("binds 1 parameter(s), which offline (--sql) mode cannot do");
    }

    /** An update without parameters is a statement like any other: it is written, not refused. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUpdateWithoutParametersIsWrittenOffline(Kind kind) {
        MigrationScript data = CodeRevisions.of(
                "fixdata", "setup", ops -> ops.update("UPDATE \"user\" SET name = 'x' WHERE name IS NULL"), ops -> {});
        String script = Migrations.configure()
                .dialect(kind.name())
                .locations()
                .scripts(OpsFixture.BASE, data)
                .load()
                .upgradeSql("heads");
        assertThat(script).contains("UPDATE \"user\" SET name = 'x' WHERE name IS NULL;");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "SQLITE")
    void sqliteRebuildOfATableTheScriptDidNotCreateFailsNamingTheRevision(Kind kind) {
        MigrationScript change = CodeRevisions.reversible(
                "later", null, ops -> ops.alterColumn("legacy", "code", c -> c.nullable(false)));
        Migrations m = Migrations.configure()
                .dialect("sqlite")
                .locations()
                .scripts(change)
                .load();
        assertThatThrownBy(() -> m.upgradeSql("heads"))
                .hasMessageContaining("revision later")
                .hasMessageContaining("legacy")
                .hasMessageContaining("run this revision online");
    }
}
