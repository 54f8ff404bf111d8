package dev.migrations.lint;

import dev.migrations.api.Ops;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Java revision's {@code upgrade} (or {@code downgrade}) asks for, recorded without running
 * anything, the way offline SQL records it: operations as they are, raw SQL read like a SQL file's,
 * data statements as data. Queries return no rows. A revision that takes the JDBC connection itself
 * cannot be followed further; recording stops there and says so.
 */
final class RecordingOps implements Ops {

    /** Thrown where the revision leaves what the lint can see; ends the recording. */
    static final class Blind extends RuntimeException {
        Blind(String message) {
            super(message, null, false, false);
        }
    }

    private final String database;
    private final List<Step> steps = new ArrayList<>();
    private int count;

    RecordingOps(String database) {
        this.database = database;
    }

    List<Step> steps() {
        return steps;
    }

    /** How many operations and statements were recorded, including those that do nothing here. */
    int count() {
        return count;
    }

    @Override
    public void apply(Operation operation) {
        count++;
        if (operation instanceof Execute e) {
            if (e.appliesTo(database)) {
                add(SqlStatementReader.read(e.sql()));
            }
            return;
        }
        add(List.of(Step.operation(operation.describe(), operation)));
    }

    @Override
    public int update(String sql, Object... parameters) {
        count++;
        add(SqlStatementReader.read(sql));
        return 0;
    }

    @Override
    public void query(String sql, RowHandler handler, Object... parameters) {
        count++;
        add(List.of(Step.harmless(sql, null)));
    }

    @Override
    public BatchWriter batch(String sql, int batchSize) {
        count++;
        add(SqlStatementReader.read(sql));
        return new BatchWriter() {
            @Override
            public void add(Object... parameters) {}

            @Override
            public long count() {
                return 0;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public Connection connection() {
        throw new Blind("it uses the JDBC connection directly (ops.connection())");
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public boolean offline() {
        return false;
    }

    private void add(List<Step> read) {
        String location = "#" + count;
        read.forEach(s -> steps.add(s.at(location)));
    }
}
