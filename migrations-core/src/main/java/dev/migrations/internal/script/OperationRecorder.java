package dev.migrations.internal.script;

import dev.migrations.api.Ops;
import dev.migrations.ops.Operation;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Java revision's code without a database and writes down what it asks for, in canonical
 * form: its schema operations, raw SQL and parameterised updates. Code that reads data or takes the
 * JDBC connection cannot run here; the recording says so and stops there, so whatever that code
 * does is not part of the checksum.
 */
final class OperationRecorder implements Ops {

    /** Ends the recording where the revision needs a database. */
    static final class NeedsDatabase extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsDatabase() {
            super(null, null, false, false);
        }
    }

    private final List<String> recorded = new ArrayList<>();

    List<String> recorded() {
        return recorded;
    }

    @Override
    public void apply(Operation operation) {
        recorded.add(CanonicalForm.of(operation));
    }

    @Override
    public int update(String sql, Object... parameters) {
        recorded.add("update" + CanonicalForm.of(List.of(sql, List.of(parameters))));
        return 0;
    }

    @Override
    public void query(String sql, RowHandler handler, Object... parameters) {
        throw stop("query" + CanonicalForm.of(List.of(sql, List.of(parameters))));
    }

    @Override
    public BatchWriter batch(String sql, int batchSize) {
        throw stop("batch" + CanonicalForm.of(sql));
    }

    @Override
    public Connection connection() {
        throw stop("connection");
    }

    /** No particular database: the recording must not depend on where it is made. */
    @Override
    public String database() {
        return "any";
    }

    @Override
    public boolean offline() {
        return true;
    }

    private NeedsDatabase stop(String what) {
        recorded.add("stopped at " + what);
        return new NeedsDatabase();
    }
}
