package dev.migrations.api;

/** The format of files written by {@code revision} and {@code merge}. */
public enum ScriptFormat {
    /** A Java class implementing {@code Migration}, its header in {@code @Revision}. */
    JAVA,
    /** A {@code .sql} file with a {@code -- key: value} header and upgrade and downgrade sections. */
    SQL
}
