package dev.migrations.platform.sqlite;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.platform.Hazard;
import dev.migrations.platform.SafeForm;
import dev.migrations.platform.SafetyContext;
import dev.migrations.platform.SafetyRule;
import dev.migrations.platform.SafetyRules;
import dev.migrations.platform.Severity;
import dev.migrations.platform.TableLock;
import dev.migrations.platform.TableLock.Blocks;
import dev.migrations.platform.TableLock.Work;
import dev.migrations.platform.TableSize;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * SQLite for the lint: every change takes the database's single write lock, so a long one stalls
 * every writer of the whole database; changes its ALTER TABLE cannot make are table rebuilds that
 * copy every row under that lock. Sizes come from {@code sqlite_stat1} when ANALYZE has run, else
 * from a count that stops at the threshold.
 */
final class SqliteSafety extends SafetyRules {

    static final String WRITE_LOCK = "database write lock";

    static final SafetyRule TABLE_REBUILD = new SafetyRule(
            "table-rebuild",
            "a change the database makes by copying the table",
            "copies every row into a new table while it holds the write lock: every writer waits",
            "run it when writes can wait, or add a new column and backfill it instead of changing one",
            Severity.WARNING,
            SafetyRule.Kind.LOCKING);

    private final SqliteSql sql;

    SqliteSafety(SqliteSql sql) {
        this.sql = sql;
    }

    @Override
    public List<SafetyRule> rules() {
        return List.of(TABLE_REBUILD);
    }

    @Override
    public List<TableLock> locks(Operation op, SafetyContext context) {
        String table = op.table();
        if (table == null || op instanceof Execute || op instanceof ValidateConstraint) {
            return List.of();
        }
        Work work = op instanceof CreateTable
                ? Work.NEW_TABLE
                : SqliteRebuilder.rebuilds(op)
                        ? Work.REWRITE
                        : op instanceof CreateIndex ? Work.INDEX_BUILD : Work.METADATA;
        return List.of(new TableLock(table, WRITE_LOCK, Blocks.WRITES, work));
    }

    @Override
    public List<TableLock> dataLocks(String verb, String table) {
        boolean reads = verb.toUpperCase(Locale.ROOT).equals("SELECT");
        return List.of(
                reads
                        ? new TableLock(table, "shared lock", Blocks.NOTHING, Work.READ)
                        : new TableLock(table, WRITE_LOCK, Blocks.WRITES, Work.DATA));
    }

    @Override
    public List<Hazard> hazards(Operation op, SafetyContext context) {
        if (op.table() == null || context.isNew(op.table()) || !SqliteRebuilder.rebuilds(op)) {
            return List.of();
        }
        String why = op instanceof AddColumn ? " (ALTER TABLE ADD COLUMN cannot add this column)" : "";
        return List.of(new Hazard(
                TABLE_REBUILD,
                op.table(),
                op.describe() + " rebuilds " + op.table() + why + ": every row is copied while all writers wait",
                SafeForm.advice("Run it when writes can wait; a new nullable column with a constant default is"
                        + " added in place.")));
    }

    @Override
    public TableSize size(Connection connection, String schema, String table, long enough) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("SELECT stat FROM sqlite_stat1 WHERE tbl = ? ORDER BY idx IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    return new TableSize(Long.parseLong(rs.getString(1).split(" ")[0]), null);
                }
            }
        } catch (SQLException | NumberFormatException noStatistics) {
            // no ANALYZE has run: count, but no further than needed
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM " + sql.identifier(table) + " LIMIT ?)")) {
            s.setLong(1, enough + 1);
            try (ResultSet rs = s.executeQuery()) {
                long rows = rs.next() ? rs.getLong(1) : 0;
                return rows > enough ? TableSize.UNKNOWN : new TableSize(rows, null);
            }
        }
    }
}
