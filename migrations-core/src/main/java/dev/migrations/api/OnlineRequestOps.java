package dev.migrations.api;

import dev.migrations.ops.OnlineDdl;
import dev.migrations.ops.Operation;
import java.sql.Connection;

/** {@link Ops#online}: the migration's ops, each table change carrying one ALGORITHM/LOCK request. */
final class OnlineRequestOps implements Ops {

    private final Ops ops;
    private final OnlineDdl request;

    OnlineRequestOps(Ops ops, OnlineDdl request) {
        this.ops = ops;
        this.request = request;
    }

    @Override
    public void apply(Operation operation) {
        ops.apply(request.requestOn(operation));
    }

    @Override
    public Ops online(OnlineDdl other) {
        return ops.online(other);
    }

    @Override
    public int update(String sql, Object... parameters) {
        return ops.update(sql, parameters);
    }

    @Override
    public void query(String sql, RowHandler handler, Object... parameters) {
        ops.query(sql, handler, parameters);
    }

    @Override
    public BatchWriter batch(String sql, int batchSize) {
        return ops.batch(sql, batchSize);
    }

    @Override
    public Connection connection() {
        return ops.connection();
    }

    @Override
    public String database() {
        return ops.database();
    }

    @Override
    public boolean offline() {
        return ops.offline();
    }
}
