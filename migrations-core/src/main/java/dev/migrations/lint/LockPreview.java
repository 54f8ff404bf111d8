package dev.migrations.lint;

import dev.migrations.platform.TableLock;
import java.util.List;

/**
 * What one statement or operation will do to the tables, before it runs.
 *
 * @param location where in the revision
 * @param statement the statement or operation, shortened
 * @param locks the locks it takes, table by table; empty when it takes none the lint knows of
 * @param note what else to know (not inspected, runs outside a transaction...), or null
 */
public record LockPreview(String location, String statement, List<TableLock> locks, String note) {

    public LockPreview {
        locks = List.copyOf(locks);
    }
}
