package dev.migrations.testing;

import dev.migrations.api.Migration;
import dev.migrations.api.ReversibleMigration;
import dev.migrations.internal.script.JavaMigrationScript;
import dev.migrations.internal.script.MigrationScript;
import java.util.List;

/** Revisions built in test code: a chain of lambdas instead of annotated classes. */
public final class CodeRevisions {

    private CodeRevisions() {}

    /** A revision whose downgrade is derived from its upgrade. */
    public static MigrationScript reversible(String id, String down, ReversibleMigration upgrade) {
        return of(id, down, true, upgrade);
    }

    public static MigrationScript of(String id, String down, boolean transactional, Migration migration) {
        return JavaMigrationScript.of(
                new MigrationScript.Header(
                        id,
                        down == null ? List.of() : List.of(down),
                        List.of(),
                        List.of(),
                        "test " + id,
                        null,
                        transactional),
                migration);
    }

    /** A revision with both directions written out. */
    public static MigrationScript of(String id, String down, Step upgrade, Step downgrade) {
        return of(id, down, true, new Migration() {
            @Override
            public void upgrade(dev.migrations.api.Ops ops) throws Exception {
                upgrade.run(ops);
            }

            @Override
            public void downgrade(dev.migrations.api.Ops ops) throws Exception {
                downgrade.run(ops);
            }
        });
    }

    @FunctionalInterface
    public interface Step {
        void run(dev.migrations.api.Ops ops) throws Exception;
    }
}
