package dev.migrations.platform.mysql;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.OnlineDdl;
import dev.migrations.ops.OnlineDdl.Algorithm;
import dev.migrations.ops.OnlineDdl.Lock;
import dev.migrations.ops.Operation;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;

/**
 * The {@code ALGORITHM=}/{@code LOCK=} clauses of a table change, and the request an operation
 * gets when it makes none: only where MySQL 8.0/8.4 and MariaDB 10.6+ both do the change without a
 * copy, so the default never makes a statement fail that the server would have done in place by
 * itself. An instant change takes no LOCK clause (MySQL accepts only LOCK=DEFAULT with INSTANT).
 * MySQL's INPLACE means "in place, never instant", so a default of INPLACE is chosen only where no
 * instant form exists on MySQL (creating and dropping an index) or where the in-place form is
 * metadata-only as well (renaming a column); dropping a column gets none, since both servers drop it
 * instantly or in place by themselves and INPLACE would make MySQL 8.0.29+ rebuild the table.
 */
final class OnlineClauses {

    static final OnlineDdl INSTANT = OnlineDdl.of(Algorithm.INSTANT, Lock.DEFAULT);
    static final OnlineDdl IN_PLACE_UNLOCKED = OnlineDdl.of(Algorithm.INPLACE, Lock.NONE);

    private OnlineClauses() {}

    /** What an operation asked for, or null when it asked for nothing (or cannot ask). */
    static OnlineDdl requested(Operation op) {
        if (op instanceof AddColumn o) {
            return o.online();
        } else if (op instanceof DropColumn o) {
            return o.online();
        } else if (op instanceof AlterColumn o) {
            return o.online();
        } else if (op instanceof CreateIndex o) {
            return o.online();
        } else if (op instanceof DropIndex o) {
            return o.online();
        }
        return null;
    }

    /** Whether {@code op} is one that takes a request. */
    static boolean takesRequest(Operation op) {
        return op instanceof AddColumn
                || op instanceof DropColumn
                || op instanceof AlterColumn
                || op instanceof CreateIndex
                || op instanceof DropIndex;
    }

    /**
     * Adding a column at the end: instant on MySQL 8.0.12+ and MariaDB 10.3+, unless the same
     * statement adds a key or foreign key, the column is AUTO_INCREMENT, or its type brings a CHECK
     * (MariaDB's JSON) or its default is an expression, which the servers add by other means.
     */
    static OnlineDdl defaultFor(AddColumn o) {
        Column c = o.column();
        boolean plain = !c.isPrimaryKey()
                && !c.isUnique()
                && c.references() == null
                && !c.isIdentity()
                && c.type().kind() != ColumnType.Kind.JSON
                && (c.serverDefault() == null || constant(c.serverDefault()));
        return plain ? INSTANT : null;
    }

    /** A literal default (a number, a quoted string, NULL, a boolean), not an expression. */
    private static boolean constant(String sqlDefault) {
        String d = sqlDefault.strip();
        return d.matches("-?\\d+(\\.\\d+)?|'([^']|'')*'|(?i:null|true|false)");
    }

    /** The clause for an ALTER TABLE statement, starting with its comma; empty for none. */
    static String alterTable(OnlineDdl request) {
        return request == null || request.serverChoice() ? "" : ", " + request.describe();
    }

    /** The clause for CREATE INDEX, which separates it with a space, not a comma. */
    static String indexStatement(OnlineDdl request) {
        return request == null || request.serverChoice()
                ? ""
                : " " + request.describe().replace(", ", " ");
    }

    /** The request that applies: the operation's own, or {@code fallback} (the default). */
    static OnlineDdl effective(OnlineDdl own, OnlineDdl fallback) {
        return own != null ? own : fallback;
    }
}
