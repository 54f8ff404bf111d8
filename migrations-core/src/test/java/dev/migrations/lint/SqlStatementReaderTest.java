package dev.migrations.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.PrimaryKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How far the lint reads SQL: the kind, the table, the clauses that decide the lock; the rest is not inspected. */
class SqlStatementReaderTest {

    private static Step one(String sql) {
        List<Step> steps = SqlStatementReader.read(sql);
        assertThat(steps).hasSize(1);
        return steps.get(0);
    }

    @Test
    void indexesWithTheirConcurrencyUniquenessAndTable() {
        CreateIndex plain =
                (CreateIndex) one("create index ix_a on public.\"Orders\" (user_id, lower(email)) where x > 0")
                        .operation();
        assertThat(plain.concurrently()).isFalse();
        assertThat(plain.index().table()).isEqualTo("Orders");
        assertThat(plain.index().schema()).isEqualTo("public");
        assertThat(plain.index().columns()).containsExactly("user_id", "lower(email)");
        assertThat(plain.index().where()).isEqualTo("x > 0");
        CreateIndex concurrent =
                (CreateIndex) one("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON t USING btree (a)")
                        .operation();
        assertThat(concurrent.concurrently()).isTrue();
        assertThat(concurrent.index().unique()).isTrue();
        DropIndex drop =
                (DropIndex) one("DROP INDEX CONCURRENTLY IF EXISTS ix_a").operation();
        assertThat(drop.concurrently()).isTrue();
        assertThat(drop.ifExists()).isTrue();
    }

    /** MySQL's ALGORITHM=/LOCK= say how, not what: the actions around them are read. */
    @Test
    void mysqlOnlineClausesAreSkipped() {
        assertThat(one("ALTER TABLE t ADD COLUMN a VARCHAR(10), ALGORITHM=INSTANT")
                        .operation())
                .isInstanceOf(dev.migrations.ops.AddColumn.class);
        DropIndex drop = (DropIndex) one("ALTER TABLE t DROP INDEX ix, ALGORITHM = INPLACE, LOCK=NONE")
                .operation();
        assertThat(drop.name()).isEqualTo("ix");
        assertThat(drop.table()).isEqualTo("t");
        CreateIndex create = (CreateIndex) one("CREATE INDEX ix ON t (email(191)) ALGORITHM=INPLACE LOCK=NONE")
                .operation();
        assertThat(create.index().columns()).containsExactly("email(191)");
    }

    @Test
    void alterTableActionsBecomeOneOperationEach() {
        List<Step> steps = SqlStatementReader.read(
                "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2) USING amount::numeric, ALTER COLUMN"
                        + " status SET NOT NULL, ADD COLUMN note varchar(10) DEFAULT 'x' NOT NULL, DROP COLUMN old");
        assertThat(steps).extracting(Step::kind).containsOnly(Step.Kind.OPERATION);
        AlterColumn type = (AlterColumn) steps.get(0).operation();
        assertThat(type.type()).isEqualTo(ColumnType.decimal(12, 2));
        assertThat(type.using()).isEqualTo("amount::numeric");
        assertThat(((AlterColumn) steps.get(1).operation()).nullable()).isFalse();
        AddColumn add = (AddColumn) steps.get(2).operation();
        assertThat(add.column().serverDefault()).isEqualTo("'x'");
        assertThat(add.column().nullable()).isFalse();
        assertThat(steps.get(3).operation().describe()).isEqualTo("drop column old from orders");
    }

    @Test
    void constraintsWithNotValidAndUsingIndex() {
        AddConstraint fk = (AddConstraint) one("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id)"
                        + " REFERENCES users (id) ON DELETE CASCADE NOT VALID")
                .operation();
        assertThat(fk.notValid()).isTrue();
        assertThat(((ForeignKey) fk.constraint()).referencedTable()).isEqualTo("users");
        AddConstraint pk =
                (AddConstraint) one("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX ix")
                        .operation();
        assertThat(pk.constraint()).isInstanceOf(PrimaryKey.class);
        assertThat(pk.usingIndex()).isEqualTo("ix");
        assertThat(one("ALTER TABLE orders VALIDATE CONSTRAINT fk").operation()).isInstanceOf(ValidateConstraint.class);
    }

    @Test
    void createTableWithInlineKeys() {
        CreateTable create = (CreateTable) one("CREATE TABLE IF NOT EXISTS payments (id bigint GENERATED ALWAYS AS"
                        + " IDENTITY PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), amount numeric(10,2),"
                        + " CONSTRAINT ck CHECK (amount > 0))")
                .operation();
        assertThat(create.definition().columns()).hasSize(3);
        assertThat(create.definition().column("id").orElseThrow().isIdentity()).isTrue();
        assertThat(create.definition().normalized().constraints())
                .anySatisfy(c -> assertThat(c).isInstanceOf(ForeignKey.class));
        assertThat(((DropTable) SqlStatementReader.read("DROP TABLE a, b CASCADE")
                                .get(1)
                                .operation())
                        .table())
                .isEqualTo("b");
    }

    @Test
    void dataSessionAndHarmlessStatements() {
        Step update = one("UPDATE ONLY users SET name = 'x'");
        assertThat(update.kind()).isEqualTo(Step.Kind.DATA);
        assertThat(update.table()).isEqualTo("users");
        assertThat(update.rewritesRows()).isTrue();
        assertThat(one("INSERT INTO users (id) VALUES (1)").rewritesRows()).isFalse();
        assertThat(one("INSERT INTO users SELECT * FROM old").rewritesRows()).isTrue();
        Step set = one("SET LOCAL lock_timeout TO '2s'");
        assertThat(set.kind()).isEqualTo(Step.Kind.SESSION);
        assertThat(set.setting()).isEqualTo("lock_timeout");
        assertThat(set.value()).isEqualTo("'2s'");
        assertThat(one("CREATE OR REPLACE VIEW v AS SELECT 1").kind()).isEqualTo(Step.Kind.HARMLESS);
        assertThat(one("COMMENT ON COLUMN users.name IS 'x'").operation()).isInstanceOf(AlterColumn.class);
    }

    @Test
    void whatTheLintCannotReadIsNotInspectedNeverPassed() {
        for (String sql : List.of(
                "DO $$ BEGIN PERFORM 1; END $$",
                "CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION f()",
                "ALTER TABLE users SET (fillfactor = 70)",
                "ALTER TABLE users ALTER COLUMN name SET STATISTICS 100",
                "COMMIT",
                "REINDEX TABLE users",
                "CREATE TABLE copy (LIKE users)",
                "LOCK TABLE users IN ACCESS EXCLUSIVE MODE")) {
            Step step = one(sql);
            assertThat(step.kind()).as(sql).isEqualTo(Step.Kind.NOT_INSPECTED);
            assertThat(step.problem()).as(sql).isNotBlank();
        }
    }
}
