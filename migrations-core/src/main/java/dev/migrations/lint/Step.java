package dev.migrations.lint;

import dev.migrations.ops.Operation;

/**
 * One thing a revision does, as the lint reads it: an operation (from a Java revision, or read from
 * a SQL statement), a data statement, a session setting, a statement that cannot matter, or one the
 * lint cannot see into. One SQL statement may give several steps ({@code ALTER TABLE} with several
 * actions); they share its location and text.
 *
 * @param location where it is: {@code line 12} of a SQL file, {@code #3} of a Java upgrade
 * @param text the SQL as written, or the operation's description
 * @param verb for data: {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code TRUNCATE}
 * @param table the table a data statement or harmless statement touches, or null
 * @param rewritesRows for data: it changes existing rows (a backfill) rather than adding given values
 * @param setting for a session setting, its name (lower case); its value in {@code value}
 * @param problem why the lint could not see into it, for {@link Kind#NOT_INSPECTED}
 */
record Step(
        String location,
        String text,
        Kind kind,
        Operation operation,
        String verb,
        String table,
        boolean rewritesRows,
        String setting,
        String value,
        String problem) {

    enum Kind {
        OPERATION,
        DATA,
        SESSION,
        HARMLESS,
        NOT_INSPECTED
    }

    static Step operation(String text, Operation operation) {
        return new Step(null, text, Kind.OPERATION, operation, null, operation.table(), false, null, null, null);
    }

    static Step data(String text, String verb, String table, boolean rewritesRows) {
        return new Step(null, text, Kind.DATA, null, verb, table, rewritesRows, null, null, null);
    }

    static Step session(String text, String setting, String value) {
        return new Step(null, text, Kind.SESSION, null, null, null, false, setting, value, null);
    }

    static Step harmless(String text, String table) {
        return new Step(null, text, Kind.HARMLESS, null, null, table, false, null, null, null);
    }

    static Step notInspected(String text, String problem) {
        return new Step(null, text, Kind.NOT_INSPECTED, null, null, null, false, null, null, problem);
    }

    Step at(String where) {
        return new Step(where, text, kind, operation, verb, table, rewritesRows, setting, value, problem);
    }

    /** The SQL or description on one line, shortened for reports. */
    String shortText() {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() > 110 ? s.substring(0, 107) + "..." : s;
    }
}
