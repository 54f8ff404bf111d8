package dev.migrations.platform;

import dev.migrations.ops.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What one database does when a change runs, for the lint: the lock each operation takes on each
 * table and the work done under it, the rules only this database has (concurrent index builds, NOT
 * VALID constraints, table rebuilds...), its tables' sizes from the catalog statistics, and, where
 * the database shows its locks, a tracer. A database's package has one subclass; this base knows
 * nothing, so a database without one gets the lint's generic rules only.
 */
public class SafetyRules {

    /** For databases whose behaviour is not described: no locks known, no rules of their own. */
    public static final SafetyRules NONE = new SafetyRules();

    /** The rules this database adds to the generic ones, for the rule table and the settings. */
    public List<SafetyRule> rules() {
        return List.of();
    }

    /** The locks {@code op} takes, table by table; empty when unknown. */
    public List<TableLock> locks(Operation op, SafetyContext context) {
        return List.of();
    }

    /**
     * The locks a data statement takes.
     *
     * @param verb {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE} or {@code TRUNCATE}
     */
    public List<TableLock> dataLocks(String verb, String table) {
        return List.of();
    }

    /** What this database's rules find in {@code op}. */
    public List<Hazard> hazards(Operation op, SafetyContext context) {
        return List.of();
    }

    /**
     * The table's size from the catalog statistics; unknown by default.
     *
     * @param schema the schema, or null for the connection's current one
     * @param enough where no estimate exists, counting may stop after this many rows
     */
    public TableSize size(Connection connection, String schema, String table, long enough) throws SQLException {
        return TableSize.UNKNOWN;
    }

    /** A tracer, where the database shows the locks a session holds. */
    public Optional<LockTracer> tracer() {
        return Optional.empty();
    }

    /** What the application cannot do while a lock of this mode is held; everything for an unknown mode. */
    public TableLock.Blocks blocks(String mode) {
        return TableLock.Blocks.READS_AND_WRITES;
    }

    /** Orders this database's lock modes, weakest first; -1 for a mode it does not know. */
    public int strength(String mode) {
        return -1;
    }
}
