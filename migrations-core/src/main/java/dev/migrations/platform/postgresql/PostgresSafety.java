package dev.migrations.platform.postgresql;

import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.platform.Hazard;
import dev.migrations.platform.LockTracer;
import dev.migrations.platform.SafeForm;
import dev.migrations.platform.SafetyContext;
import dev.migrations.platform.SafetyRule;
import dev.migrations.platform.SafetyRules;
import dev.migrations.platform.TableLock;
import dev.migrations.platform.TableSize;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL for the lint: the lock each operation takes ({@link PostgresLocks}), the rules only
 * PostgreSQL has ({@link PostgresRules}), table sizes from {@code pg_class} and a tracer that reads
 * {@code pg_locks}.
 */
final class PostgresSafety extends SafetyRules {

    private final PostgresSql sql;

    PostgresSafety(PostgresSql sql) {
        this.sql = sql;
    }

    @Override
    public List<SafetyRule> rules() {
        return PostgresRules.ALL;
    }

    @Override
    public List<TableLock> locks(Operation op, SafetyContext context) {
        return op.accept(new PostgresLocks(context));
    }

    @Override
    public List<TableLock> dataLocks(String verb, String table) {
        return switch (verb.toUpperCase(Locale.ROOT)) {
            case "SELECT" ->
                List.of(new TableLock(
                        table, PostgresLocks.ACCESS_SHARE, TableLock.Blocks.NOTHING, TableLock.Work.READ));
            case "TRUNCATE" ->
                List.of(new TableLock(
                        table,
                        PostgresLocks.ACCESS_EXCLUSIVE,
                        TableLock.Blocks.READS_AND_WRITES,
                        TableLock.Work.REWRITE));
            default ->
                List.of(new TableLock(
                        table, PostgresLocks.ROW_EXCLUSIVE, TableLock.Blocks.NOTHING, TableLock.Work.DATA));
        };
    }

    @Override
    public List<Hazard> hazards(Operation op, SafetyContext context) {
        List<Hazard> hazards = new ArrayList<>(op.accept(new PostgresHazards(context)));
        if (!lockTimeoutSet(context)) {
            locks(op, context).stream()
                    .filter(l -> l.blocks() != TableLock.Blocks.NOTHING
                            && l.work() != TableLock.Work.NEW_TABLE
                            && !context.isNew(l.table()))
                    .findFirst()
                    .ifPresent(l -> hazards.add(new Hazard(
                            PostgresRules.MISSING_LOCK_TIMEOUT,
                            null,
                            op.describe() + " waits for " + l.mode() + " on " + l.table()
                                    + " without a lock_timeout: queries queue behind it while it waits",
                            new SafeForm(
                                    context.inTransaction()
                                            ? List.of(new Execute("SET LOCAL lock_timeout = '5s'", Set.of()))
                                            : List.of(),
                                    List.of(),
                                    "Better: set ddlLockTimeout, and the engine sets lock_timeout around every"
                                            + " revision and retries one that gave up."))));
        }
        return hazards;
    }

    private static boolean lockTimeoutSet(SafetyContext context) {
        if (context.ddlSettings().limited()) {
            return true;
        }
        Optional<String> set = context.sessionSetting("lock_timeout");
        return set.map(v -> v.replace("'", "").strip().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty() && !v.equals("0") && !v.equals("default"))
                .isPresent();
    }

    /**
     * Rows from {@code reltuples} (the planner's estimate, kept by ANALYZE and VACUUM) and bytes from
     * {@code relpages}; a table never analyzed has no estimate unless it is empty on disk.
     */
    @Override
    public TableSize size(Connection connection, String schema, String table, long enough) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT c.reltuples, c.relpages::bigint * current_setting('block_size')::bigint,"
                        + " pg_relation_size(c.oid) FROM pg_class c WHERE c.oid = to_regclass(?)")) {
            s.setString(1, sql.identifier(schema, table));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return TableSize.UNKNOWN;
                }
                double tuples = rs.getDouble(1);
                long pages = rs.getLong(2);
                long onDisk = rs.getLong(3);
                if (onDisk == 0) {
                    return new TableSize(0L, 0L);
                }
                boolean estimated = tuples > 0 || (tuples == 0 && pages > 0);
                return new TableSize(estimated ? Math.round(tuples) : null, pages > 0 ? pages : onDisk);
            }
        }
    }

    @Override
    public Optional<LockTracer> tracer() {
        return Optional.of(new PgLocksTracer());
    }

    /** Up to SHARE UPDATE EXCLUSIVE nothing the application does conflicts; SHARE and above block writes. */
    @Override
    public TableLock.Blocks blocks(String mode) {
        int strength = strength(mode);
        if (strength < 0) {
            return TableLock.Blocks.READS_AND_WRITES;
        }
        return strength <= PostgresLocks.STRENGTH.indexOf(PostgresLocks.SHARE_UPDATE_EXCLUSIVE)
                ? TableLock.Blocks.NOTHING
                : mode.equals(PostgresLocks.ACCESS_EXCLUSIVE)
                        ? TableLock.Blocks.READS_AND_WRITES
                        : TableLock.Blocks.WRITES;
    }

    @Override
    public int strength(String mode) {
        return PostgresLocks.STRENGTH.indexOf(mode);
    }
}
