package dev.migrations.api;

/**
 * The one exception type the engine throws for anything the user must act on: a bad script, an
 * unknown target, a failed revision, a lock that could not be taken. The message always says what
 * happened, where (revision and file when there is one) and what to do next.
 */
public class MigrationsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String revision;

    public MigrationsException(String message) {
        this(message, null, null);
    }

    public MigrationsException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public MigrationsException(String message, String revision, Throwable cause) {
        super(message, cause);
        this.revision = revision;
    }

    /** The revision the problem is about, or {@code null} when it concerns no single revision. */
    public String revision() {
        return revision;
    }
}
