package dev.migrations.platform;

import dev.migrations.ops.Operation;
import java.sql.SQLException;
import java.util.List;

/**
 * What a database needs around one revision run on the migrating connection: session settings set
 * and restored (lock timeouts, pragmas), checks before commit, and statements that need the live
 * catalog. The runner calls these in order: {@link #beforeTransaction}, {@link #transactionStarted},
 * the operations, {@link #beforeCommit}, {@link #close}.
 */
public interface RevisionSession extends AutoCloseable {

    /** In autocommit mode, before the revision's transaction begins. */
    default void beforeTransaction() throws SQLException {}

    /** Once the revision runs, in its transaction or (non-transactional) in autocommit. */
    default void transactionStarted() throws SQLException {}

    /** The operations that carry out {@code operation} on this database as it is now. */
    default List<Operation> expand(Operation operation) throws SQLException {
        return List.of(operation);
    }

    /**
     * Why {@code operation} cannot run inside a transaction on this server, or null when it can: a
     * per-operation transaction hint for what depends on the server's version.
     */
    default String needsAutocommit(Operation operation) throws SQLException {
        return null;
    }

    /** Before one statement runs. */
    default void beforeStatement(String sql) throws SQLException {}

    /** After one statement failed; may add what it did about it to {@code failure} as suppressed. */
    default void statementFailed(String sql, SQLException failure) {}

    /**
     * The failure to report for a statement the database refused: {@code failure} itself, or an
     * error with the same SQLSTATE and code whose message says what it means for this migration and
     * what to do (the failure report names the revision around it).
     */
    default SQLException explain(String sql, SQLException failure) {
        return failure;
    }

    /** After the last operation, before the commit. */
    default void beforeCommit() throws SQLException {}

    /** Restores what the earlier calls changed. */
    @Override
    default void close() throws SQLException {}
}
