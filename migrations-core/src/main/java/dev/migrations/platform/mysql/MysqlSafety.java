package dev.migrations.platform.mysql;

import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
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
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.PrimaryKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MySQL and MariaDB for the lint. InnoDB makes most changes in place (ALGORITHM=INSTANT or
 * INPLACE, LOCK=NONE: writes go on, apart from a brief metadata lock), but some copy the table into
 * a new one while writes wait (ALGORITHM=COPY), and the server picks COPY silently unless the
 * statement asks for INSTANT or INPLACE: a type change other than growing a VARCHAR within its
 * length-byte class, making a column NOT NULL or nullable, a CHECK or FOREIGN KEY added to an
 * existing table (checked row by row with foreign_key_checks on), a new primary key, and an ENUM or
 * SET whose values are not only appended. Sizes come from {@code information_schema.TABLES}.
 */
final class MysqlSafety extends SafetyRules {

    static final String METADATA_LOCK = "metadata lock (exclusive briefly)";
    static final String COPY = "ALGORITHM=COPY";

    static final SafetyRule TABLE_COPY = new SafetyRule(
            "table-copy",
            "a change MySQL/MariaDB make by copying the table",
            "copies every row into a new table (ALGORITHM=COPY) while writes to it wait; a big table is"
                    + " blocked for minutes, and the binary log replays the copy on every replica",
            "make the change in place where the server can (see the finding), or run it through gh-ost or"
                    + " pt-online-schema-change for a big table",
            Severity.WARNING,
            SafetyRule.Kind.LOCKING);

    static final SafetyRule ENUM_NOT_APPENDED = new SafetyRule(
            "enum-not-appended",
            "ENUM or SET values removed, reordered or inserted before the end",
            "only appending values to an ENUM or SET is instant; anything else copies the table and can"
                    + " change the stored values of existing rows",
            "append new values at the end; remove values in a separate, planned table copy",
            Severity.WARNING,
            SafetyRule.Kind.LOCKING);

    /** utf8mb4: up to 63 characters fit a one-byte length prefix (255 bytes). */
    private static final int ONE_BYTE_PREFIX_CHARS = 63;

    @Override
    public List<SafetyRule> rules() {
        return List.of(TABLE_COPY, ENUM_NOT_APPENDED);
    }

    @Override
    public List<TableLock> locks(Operation op, SafetyContext context) {
        if (op.table() == null || op instanceof Execute || op instanceof ValidateConstraint) {
            return List.of();
        }
        if (op instanceof CreateTable) {
            return List.of(new TableLock(op.table(), METADATA_LOCK, Blocks.NOTHING, Work.NEW_TABLE));
        }
        if (copyReason(op, context).isPresent()) {
            return List.of(new TableLock(op.table(), COPY, Blocks.WRITES, Work.REWRITE));
        }
        return List.of(new TableLock(
                op.table(),
                METADATA_LOCK,
                Blocks.NOTHING,
                op instanceof CreateIndex ? Work.INDEX_BUILD : Work.METADATA));
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
        if (op.table() == null || context.isNew(op.table())) {
            return List.of();
        }
        List<Hazard> out = new ArrayList<>();
        if (op instanceof AlterColumn a && a.type() != null && isEnum(a.type())) {
            Optional<ColumnType> before = before(a, context);
            if (before.isPresent() && isEnum(before.get()) && !appended(before.get(), a.type())) {
                out.add(new Hazard(
                        ENUM_NOT_APPENDED,
                        op.table(),
                        op.describe() + " changes " + before.get().raw() + " to "
                                + a.type().raw() + " other than by appending values: the server copies " + op.table(),
                        SafeForm.advice("Keep the existing values in their order and append new ones at the end.")));
                return out;
            }
        }
        copyReason(op, context)
                .ifPresent(reason -> out.add(new Hazard(
                        TABLE_COPY,
                        op.table(),
                        op.describe() + ": " + reason + ", so the server copies " + op.table() + " while writes wait",
                        SafeForm.advice("For a big table, run the change through gh-ost or pt-online-schema-change, or"
                                + " ask for ALGORITHM=INPLACE, LOCK=NONE in an execute(...) so the server errors"
                                + " instead of copying."))));
        return out;
    }

    /** Why the server copies the table for {@code op}; empty when it changes it in place. */
    private static Optional<String> copyReason(Operation op, SafetyContext context) {
        if (op instanceof AlterColumn a) {
            if (a.type() != null) {
                Optional<ColumnType> before = before(a, context);
                if (before.isEmpty() || !inPlace(before.get(), a.type())) {
                    return Optional.of("changing the type of " + a.column() + " to "
                            + a.type().kind().name().toLowerCase(Locale.ROOT)
                            + " (only growing a VARCHAR within its length-byte class,"
                            + " up to " + ONE_BYTE_PREFIX_CHARS + " or from " + (ONE_BYTE_PREFIX_CHARS + 1)
                            + " characters, is in place)");
                }
            }
            if (a.nullable() != null) {
                return Optional.of("changing whether " + a.column() + " may be NULL rebuilds the table");
            }
        }
        if (op instanceof AddConstraint c) {
            if (c.constraint() instanceof CheckConstraint) {
                return Optional.of("adding a CHECK constraint checks every row in a table copy");
            }
            if (c.constraint() instanceof ForeignKey) {
                return Optional.of("adding a FOREIGN KEY with foreign_key_checks on copies the table");
            }
            if (c.constraint() instanceof PrimaryKey) {
                return Optional.of("adding a primary key rebuilds the table (its rows are stored in key order)");
            }
        }
        return Optional.empty();
    }

    private static Optional<ColumnType> before(AlterColumn a, SafetyContext context) {
        return Optional.ofNullable(a.existing())
                .or(() -> context.table(a.table()).flatMap(t -> t.column(a.column())))
                .map(Column::type);
    }

    private static boolean inPlace(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from.kind() == ColumnType.Kind.VARCHAR && to.kind() == ColumnType.Kind.VARCHAR) {
            if (from.length() == null || to.length() == null || to.length() < from.length()) {
                return false;
            }
            return (from.length() <= ONE_BYTE_PREFIX_CHARS) == (to.length() <= ONE_BYTE_PREFIX_CHARS);
        }
        return isEnum(from) && isEnum(to) && appended(from, to);
    }

    private static boolean isEnum(ColumnType t) {
        String raw = t.kind() == ColumnType.Kind.RAW
                ? t.raw().toLowerCase(Locale.ROOT).strip()
                : "";
        return raw.startsWith("enum(") || raw.startsWith("enum (") || raw.startsWith("set(") || raw.startsWith("set (");
    }

    /** Whether {@code to}'s values are {@code from}'s, in order, followed by new ones. */
    private static boolean appended(ColumnType from, ColumnType to) {
        List<String> before = values(from.raw());
        List<String> after = values(to.raw());
        return after.size() >= before.size() && after.subList(0, before.size()).equals(before);
    }

    private static List<String> values(String type) {
        String inner = type.substring(type.indexOf('(') + 1, type.lastIndexOf(')'));
        List<String> out = new ArrayList<>();
        for (String v : inner.split(",")) {
            out.add(v.strip());
        }
        return out;
    }

    @Override
    public TableSize size(Connection connection, String schema, String table, long enough) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new TableSize(rs.getLong(1), rs.getLong(2)) : TableSize.UNKNOWN;
            }
        }
    }
}
