package dev.migrations.platform.h2;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
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
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * H2 for the lint: ALTER TABLE takes an exclusive lock on the table, and adding a column, dropping
 * one or changing a type (other than widening it) copies the table into a new one. Sizes come from
 * {@code INFORMATION_SCHEMA.TABLES.ROW_COUNT_ESTIMATE}.
 */
final class H2Safety extends SafetyRules {

    static final String EXCLUSIVE = "exclusive table lock";

    static final SafetyRule TABLE_REBUILD = new SafetyRule(
            "table-rebuild",
            "a change the database makes by copying the table",
            "copies every row into a new table while it holds an exclusive lock on it: writers wait",
            "run it when writes can wait",
            Severity.WARNING,
            SafetyRule.Kind.LOCKING);

    @Override
    public List<SafetyRule> rules() {
        return List.of(TABLE_REBUILD);
    }

    @Override
    public List<TableLock> locks(Operation op, SafetyContext context) {
        if (op.table() == null || op instanceof Execute || op instanceof ValidateConstraint) {
            return List.of();
        }
        Work work = op instanceof CreateTable
                ? Work.NEW_TABLE
                : copies(op, context)
                        ? Work.REWRITE
                        : op instanceof CreateIndex
                                ? Work.INDEX_BUILD
                                : op instanceof AlterColumn a && Boolean.FALSE.equals(a.nullable())
                                        ? Work.SCAN
                                        : Work.METADATA;
        return List.of(new TableLock(op.table(), EXCLUSIVE, Blocks.WRITES, work));
    }

    @Override
    public List<TableLock> dataLocks(String verb, String table) {
        boolean reads = verb.toUpperCase(Locale.ROOT).equals("SELECT");
        return List.of(
                reads
                        ? new TableLock(table, "no lock", Blocks.NOTHING, Work.READ)
                        : new TableLock(table, "row locks", Blocks.NOTHING, Work.DATA));
    }

    @Override
    public List<Hazard> hazards(Operation op, SafetyContext context) {
        if (op.table() == null || context.isNew(op.table()) || !copies(op, context)) {
            return List.of();
        }
        return List.of(new Hazard(
                TABLE_REBUILD,
                op.table(),
                op.describe() + " copies " + op.table() + " into a new table under an exclusive lock",
                SafeForm.advice("Run it when writes to " + op.table() + " can wait.")));
    }

    /** ADD and DROP COLUMN copy the table, and so does a type change that is not a widening. */
    private static boolean copies(Operation op, SafetyContext context) {
        if (op instanceof AddColumn || op instanceof DropColumn) {
            return true;
        }
        if (op instanceof AlterColumn a && a.type() != null) {
            Optional<ColumnType> before = Optional.ofNullable(a.existing())
                    .or(() -> context.table(a.table()).flatMap(t -> t.column(a.column())))
                    .map(Column::type);
            return before.map(b -> !widening(b, a.type())).orElse(true);
        }
        return false;
    }

    private static boolean widening(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from.kind() != to.kind()) {
            return false;
        }
        return switch (from.kind()) {
            case VARCHAR, CHAR, BINARY ->
                to.length() == null || (from.length() != null && to.length() >= from.length());
            case DECIMAL ->
                to.precision() == null
                        || (from.precision() != null
                                && to.precision() >= from.precision()
                                && Objects.equals(from.scale(), to.scale()));
            default -> false;
        };
    }

    @Override
    public TableSize size(Connection connection, String schema, String table, long enough) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = COALESCE(?, SCHEMA()) AND UPPER(TABLE_NAME) = UPPER(?)")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new TableSize(rs.getLong(1), null) : TableSize.UNKNOWN;
            }
        }
    }
}
