package dev.migrations.lint;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.SqlMigrationScript;
import dev.migrations.internal.script.SqlStatement;
import dev.migrations.ops.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * What a revision's upgrade does, read without running it: a SQL file's statements read one by one,
 * a Java revision's {@code upgrade} run against {@link RecordingOps}. Also whether its downgrade can
 * undo it.
 *
 * @param sql whether the revision is a SQL file (safe forms are then spelled in SQL)
 * @param noDowngrade why the revision cannot be downgraded, or null
 */
record RevisionSteps(List<Step> steps, boolean sql, String noDowngrade) {

    static RevisionSteps of(MigrationScript script, String database) {
        if (script instanceof SqlMigrationScript file) {
            return sql(file);
        }
        RecordingOps upgrade = new RecordingOps(database);
        List<Step> steps = new ArrayList<>();
        try {
            script.upgrade(upgrade);
            steps.addAll(upgrade.steps());
        } catch (RecordingOps.Blind blind) {
            steps.addAll(upgrade.steps());
            steps.add(Step.notInspected(
                            "upgrade(ops), after " + upgrade.count() + " step(s)",
                            blind.getMessage() + ": the lint cannot see what it does from there")
                    .at("#" + (upgrade.count() + 1)));
        } catch (Exception e) {
            steps.addAll(upgrade.steps());
            steps.add(Step.notInspected(
                            "upgrade(ops), after " + upgrade.count() + " step(s)",
                            "upgrade(ops) failed while the lint recorded it (" + e + "); what follows was not"
                                    + " inspected")
                    .at("#" + (upgrade.count() + 1)));
        }
        return new RevisionSteps(steps, false, javaDowngrade(script, database, steps));
    }

    /** The upgrade's steps only, for following the schema through revisions that are not linted. */
    static List<Step> upgrade(MigrationScript script, String database) {
        if (script instanceof SqlMigrationScript file) {
            return sql(file).steps();
        }
        RecordingOps upgrade = new RecordingOps(database);
        try {
            script.upgrade(upgrade);
        } catch (Exception e) {
            // what it recorded before it stopped is what the lint can follow
        }
        return upgrade.steps();
    }

    private static RevisionSteps sql(SqlMigrationScript file) {
        List<Step> steps = new ArrayList<>();
        try {
            for (SqlStatement statement : file.upgradeStatements()) {
                SqlStatementReader.read(statement.sql()).forEach(s -> steps.add(s.at("line " + statement.line())));
            }
        } catch (MigrationsException e) {
            steps.add(Step.notInspected(file.source(), e.getMessage()).at("upgrade"));
        }
        String noDowngrade = null;
        try {
            if (file.downgradeStatements().isEmpty() && changesSchema(steps)) {
                noDowngrade = "its '-- +downgrade' section is empty, but its upgrade changes the schema";
            }
        } catch (MigrationsException e) {
            noDowngrade = "it has no '-- +downgrade' section";
        }
        return new RevisionSteps(steps, true, noDowngrade);
    }

    private static String javaDowngrade(MigrationScript script, String database, List<Step> upgrade) {
        RecordingOps downgrade = new RecordingOps(database);
        try {
            script.downgrade(downgrade);
        } catch (RecordingOps.Blind blind) {
            return null; // it does something with the connection: the lint cannot tell more
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return "its downgrade(ops) fails: " + message;
        }
        return downgrade.count() == 0 && changesSchema(upgrade)
                ? "its downgrade(ops) does nothing, but its upgrade changes the schema"
                : null;
    }

    /** Operations that leave something a downgrade must undo (a validation leaves nothing). */
    private static boolean changesSchema(List<Step> steps) {
        return steps.stream()
                .anyMatch(s -> s.kind() == Step.Kind.OPERATION && !(s.operation() instanceof ValidateConstraint));
    }
}
