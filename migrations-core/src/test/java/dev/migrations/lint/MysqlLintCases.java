package dev.migrations.lint;

import static dev.migrations.schema.Dsl.BIGINT;
import static dev.migrations.schema.Dsl.INTEGER;
import static dev.migrations.schema.Dsl.check;
import static dev.migrations.schema.Dsl.varchar;

import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.testing.TestDatabases.Kind;
import java.util.List;
import java.util.Map;

/** The corpus cases of MySQL's and MariaDB's own rules, run on MariaDB. */
final class MysqlLintCases {

    private MysqlLintCases() {}

    static List<LintCorpus.Case> cases() {
        return List.of(
                mysql(
                        "mysql-varchar-grows-in-class",
                        ops -> ops.alterColumn("users", "nickname", c -> c.type(varchar(60))),
                        ops -> ops.alterColumn("users", "nickname", c -> c.type(varchar(50))),
                        List.of()),
                mysql(
                        "mysql-varchar-grows-across-class",
                        ops -> ops.alterColumn("users", "nickname", c -> c.type(varchar(100))),
                        ops -> ops.alterColumn("users", "nickname", c -> c.type(varchar(50))),
                        List.of("table-copy")),
                mysql(
                        "mysql-int-to-bigint",
                        ops -> ops.alterColumn("users", "age", c -> c.type(BIGINT)),
                        ops -> ops.alterColumn("users", "age", c -> c.type(INTEGER)),
                        List.of("table-copy")),
                mysql(
                        "mysql-check-on-existing-table",
                        ops -> ops.addConstraint("users", check("ck_users_age", "age >= 0")),
                        ops -> ops.dropConstraint("users", "ck_users_age", dev.migrations.schema.Constraint.Type.CHECK),
                        List.of("table-copy")),
                mysql(
                        "mysql-index-in-place",
                        ops -> ops.createIndex("ix_users_name_m", "users", "name"),
                        ops -> ops.dropIndex("ix_users_name_m"),
                        List.of()));
    }

    private static LintCorpus.Case mysql(
            String name, LintCorpus.Body upgrade, LintCorpus.Body downgrade, List<String> expected) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(Ops ops) throws Exception {
                upgrade.run(ops);
            }

            @Override
            public void downgrade(Ops ops) throws Exception {
                downgrade.run(ops);
            }
        };
        return new LintCorpus.Case(
                name,
                List.of(LintCorpus.java(name, LintCorpus.BASE, true, migration)),
                List.of(),
                Map.of(Kind.MARIADB, expected));
    }
}
