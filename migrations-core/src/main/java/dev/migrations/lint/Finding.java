package dev.migrations.lint;

import dev.migrations.platform.Severity;
import dev.migrations.platform.TableSize;

/**
 * One thing the lint found in a revision.
 *
 * @param rule the rule's id
 * @param severity how much it matters here (after the settings and the table's size)
 * @param location where in the revision: {@code line 12} of a SQL file, {@code #3} of a Java upgrade
 * @param statement the statement or operation, shortened
 * @param message one line: what it does here
 * @param safeForm the safe way for this case, copyable (Java for a Java revision, SQL for a SQL one)
 * @param table the table whose size was weighed, or null
 * @param size that table's size, or null when not read
 * @param adjusted why the severity differs from the rule's, or null
 * @param ignored the reason the revision gives for accepting it ({@code lintIgnore}), or null
 */
public record Finding(
        String rule,
        Severity severity,
        String location,
        String statement,
        String message,
        String safeForm,
        String table,
        TableSize size,
        String adjusted,
        String ignored) {

    /** Accepted by the revision: reported, but never an error. */
    public boolean isIgnored() {
        return ignored != null;
    }

    /** An error that is not ignored: what fails {@code lint} and {@code check}. */
    public boolean isError() {
        return severity == Severity.ERROR && !isIgnored();
    }
}
