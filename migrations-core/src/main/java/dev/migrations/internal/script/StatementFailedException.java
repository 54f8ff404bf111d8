package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;

/**
 * A statement the database rejected, with the statement and, for SQL scripts, the file and line
 * it starts on. The runtime turns it into the revision's failure message.
 */
public final class StatementFailedException extends MigrationsException {

    private static final long serialVersionUID = 1L;

    private final String statement;
    private final String position;

    public StatementFailedException(String statement, String position, Throwable cause) {
        super(
                "Statement failed" + (position == null ? "" : " at " + position) + ": " + cause.getMessage() + "\n    "
                        + abbreviate(statement),
                null,
                cause);
        this.statement = statement;
        this.position = position;
    }

    public String statement() {
        return statement;
    }

    /** {@code file:line} for SQL scripts, null otherwise. */
    public String position() {
        return position;
    }

    StatementFailedException at(String newPosition) {
        return position != null ? this : new StatementFailedException(statement, newPosition, getCause());
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
    }
}
