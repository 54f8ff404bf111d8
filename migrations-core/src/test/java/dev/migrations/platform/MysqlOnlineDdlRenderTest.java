package dev.migrations.platform;

import static dev.migrations.schema.Dsl.column;
import static dev.migrations.schema.Dsl.index;
import static dev.migrations.schema.Dsl.prefix;
import static dev.migrations.schema.Dsl.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.OnlineDdl;
import dev.migrations.ops.OnlineDdl.Algorithm;
import dev.migrations.ops.OnlineDdl.Lock;
import dev.migrations.ops.OperationCode;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Dsl;
import dev.migrations.schema.Index;
import org.junit.jupiter.api.Test;

/**
 * The ALGORITHM/LOCK clauses MySQL and MariaDB statements carry, by default and on request, and
 * index prefix lengths; other databases write neither. The same renderer serves both servers.
 */
class MysqlOnlineDdlRenderTest {

    private static final DdlRenderer MYSQL = Platforms.named("mysql").ddl();
    private static final DdlRenderer MARIADB = Platforms.named("mariadb").ddl();
    private static final DdlRenderer POSTGRES = Platforms.named("postgresql").ddl();
    private static final OnlineDdl COPY = OnlineDdl.of(Algorithm.COPY, Lock.SHARED);

    @Test
    void eachOperationGetsItsDefaultOnBothServers() {
        for (DdlRenderer ddl : new DdlRenderer[] {MYSQL, MARIADB}) {
            assertThat(ddl.render(
                            new AddColumn(null, "t", column("a", varchar(10)).serverDefault("'x'"))))
                    .containsExactly("ALTER TABLE t ADD COLUMN a VARCHAR(10) DEFAULT 'x', ALGORITHM=INSTANT");
            assertThat(ddl.render(AlterColumn.of(null, "t", "a").rename("b")))
                    .containsExactly("ALTER TABLE t RENAME COLUMN a TO b, ALGORITHM=INPLACE, LOCK=NONE");
            assertThat(ddl.render(AlterColumn.of(null, "t", "a").dropServerDefault()))
                    .containsExactly("ALTER TABLE t ALTER COLUMN a DROP DEFAULT, ALGORITHM=INSTANT");
            assertThat(ddl.render(new CreateIndex(index("ix", "t", "a"), false, false)))
                    .containsExactly("CREATE INDEX ix ON t (a) ALGORITHM=INPLACE LOCK=NONE");
            assertThat(ddl.render(new DropIndex(null, "ix", "t", null, false, false)))
                    .containsExactly("ALTER TABLE t DROP INDEX ix, ALGORITHM=INPLACE, LOCK=NONE");
            // both servers drop a column instantly or in place by themselves; INPLACE would rebuild on MySQL 8.0.29+
            assertThat(ddl.render(new DropColumn(null, "t", "a", null))).containsExactly("ALTER TABLE t DROP COLUMN a");
        }
    }

    /** Where the server adds the column by other means than an instant one, no default asks for it. */
    @Test
    void columnsThatCannotBeAddedInstantlyGetNoDefault() {
        for (AddColumn add : new AddColumn[] {
            new AddColumn(null, "t", column("a", varchar(10)).unique()),
            new AddColumn(null, "t", column("a", ColumnType.BIGINT).identity().primaryKey()),
            new AddColumn(null, "t", column("a", ColumnType.BIGINT).references("u", "id")),
            new AddColumn(null, "t", column("a", ColumnType.JSON)),
            new AddColumn(null, "t", column("a", ColumnType.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"))
        }) {
            assertThat(MYSQL.render(add)).singleElement().asString().doesNotContain("ALGORITHM");
        }
        assertThat(MYSQL.render(AlterColumn.of(null, "t", "a").type(varchar(5)).nullable(true)))
                .singleElement()
                .asString()
                .doesNotContain("ALGORITHM");
    }

    @Test
    void aRequestReplacesTheDefaultAndServerChoiceWritesNoClause() {
        assertThat(MYSQL.render(COPY.requestOn(new CreateIndex(index("ix", "t", "a"), false, false))))
                .containsExactly("CREATE INDEX ix ON t (a) ALGORITHM=COPY LOCK=SHARED");
        assertThat(MYSQL.render(COPY.requestOn(
                        AlterColumn.of(null, "t", "a").type(varchar(5)).nullable(true))))
                .containsExactly("ALTER TABLE t MODIFY COLUMN a VARCHAR(5), ALGORITHM=COPY, LOCK=SHARED");
        assertThat(MYSQL.render(OnlineDdl.SERVER_CHOICE.requestOn(new DropIndex(null, "ix", "t", null, false, false))))
                .containsExactly("DROP INDEX ix ON t");
        assertThat(MYSQL.render(OnlineDdl.SERVER_CHOICE.requestOn(new AddColumn(null, "t", column("a", varchar(9))))))
                .containsExactly("ALTER TABLE t ADD COLUMN a VARCHAR(9)");
        assertThat(MYSQL.render(
                        OnlineDdl.of(Algorithm.INPLACE, Lock.NONE).requestOn(new DropColumn(null, "t", "a", null))))
                .containsExactly("ALTER TABLE t DROP COLUMN a, ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(POSTGRES.render(COPY.requestOn(new CreateIndex(index("ix", "t", "a"), false, false))))
                .containsExactly("CREATE INDEX ix ON t (a)");
    }

    @Test
    void aRequestOnAnOperationThatTakesNoneIsRefusedNotDropped() {
        assertThatThrownBy(() -> COPY.requestOn(new AddConstraint(null, "t", Dsl.check("ck", "a > 0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no ALGORITHM/LOCK request (ALGORITHM=COPY, LOCK=SHARED)")
                .hasMessageContaining("executeOn(\"mysql\"");
    }

    @Test
    void aRequestIsWrittenBackAsTheJavaThatAsksForIt() {
        assertThat(new CreateIndex(index("ix", "t", "a"), false, false, COPY).accept(OperationCode.INSTANCE))
                .isEqualTo("ops.online(dev.migrations.ops.OnlineDdl.Algorithm.COPY,"
                        + " dev.migrations.ops.OnlineDdl.Lock.SHARED).createIndex(index(\"ix\", \"t\", \"a\"));");
        assertThat(AlterColumn.of(null, "t", "a").rename("b").accept(OperationCode.INSTANCE))
                .isEqualTo("ops.renameColumn(\"t\", \"a\", \"b\");");
    }

    @Test
    void aPrefixLengthIsWrittenOnMysqlAndTheWholeColumnIsIndexedElsewhere() {
        Index ix = index("ix_email", "t", prefix("email", 191), "name DESC", "(lower(name))");
        assertThat(MARIADB.render(new CreateIndex(ix, false, false)))
                .containsExactly("CREATE INDEX ix_email ON t (email(191), name DESC, (lower(name)))"
                        + " ALGORITHM=INPLACE LOCK=NONE");
        assertThat(POSTGRES.render(new CreateIndex(ix, false, false)))
                .containsExactly("CREATE INDEX ix_email ON t (email, name DESC, (lower(name)))");
        assertThat(Index.columnOf("email(191) desc")).isEqualTo("email");
        assertThat(Index.prefixLength("email(191) desc")).isEqualTo(191);
        assertThat(Index.withoutPrefix("email(191) desc")).isEqualTo("email desc");
        assertThat(Index.prefixLength("(lower(x))")).isNull();
        assertThat(Index.columnOf("(left(x, 3))")).isNull();
        assertThatThrownBy(() -> prefix("email", 0)).hasMessageContaining("prefix length of index column email");
    }
}
