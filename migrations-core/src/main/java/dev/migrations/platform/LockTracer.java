package dev.migrations.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Watches statements run in a transaction that is rolled back: the locks the session holds after
 * each one and the files of the relations, a new file meaning the relation was rewritten. Only a
 * database that shows its locks has one.
 */
public interface LockTracer {

    /**
     * Limits the next statements of the traced transaction: none waits for a lock or runs longer than
     * {@code remaining}, so the trace never holds a lock longer than its budget.
     */
    void limit(Connection connection, Duration remaining) throws SQLException;

    /** The relations of the user's schemas, by id. */
    Map<Long, Relation> relations(Connection connection) throws SQLException;

    /** The relation locks this session holds now. */
    Set<HeldLock> locks(Connection connection) throws SQLException;

    /** Whether a statement failed because the trace's limits stopped it (a lock wait or a run too long). */
    boolean stoppedByLimit(SQLException e);

    /**
     * A table or index.
     *
     * @param file what identifies its storage; a different value after a statement means a rewrite
     */
    record Relation(long id, String name, boolean table, long file) {}

    record HeldLock(long relation, String mode) {}
}
