package dev.migrations.ops;

import java.util.Objects;

/**
 * How an operation asks the server to carry out a table change: MySQL's and MariaDB's {@code
 * ALGORITHM=} and {@code LOCK=} clauses. With a request, the server refuses the statement (error
 * 1845/1846) instead of copying the table or blocking writes when it cannot do what was asked.
 * Other databases ignore it. Ask through {@code ops.online(Algorithm.INSTANT).addColumn(...)}; an
 * operation without a request gets its platform's default (see the README).
 */
public record OnlineDdl(Algorithm algorithm, Lock lock) {

    /** How the table is changed; {@code DEFAULT} lets the server choose. */
    public enum Algorithm {
        DEFAULT,
        /** Metadata only: no rebuild, no copy. */
        INSTANT,
        /** Rebuilt or changed inside the storage engine, without a copy through the server. */
        INPLACE,
        /** A copy of the table, with writes blocked while it is made. */
        COPY
    }

    /** What other sessions may do meanwhile; {@code DEFAULT} lets the server choose. */
    public enum Lock {
        DEFAULT,
        /** Reads and writes go on. */
        NONE,
        /** Reads go on, writes wait. */
        SHARED,
        /** Reads and writes wait. */
        EXCLUSIVE
    }

    /** No clause at all: what the server does by itself. */
    public static final OnlineDdl SERVER_CHOICE = new OnlineDdl(Algorithm.DEFAULT, Lock.DEFAULT);

    public OnlineDdl {
        Objects.requireNonNull(algorithm, "algorithm (Algorithm.DEFAULT lets the server choose)");
        Objects.requireNonNull(lock, "lock (Lock.DEFAULT lets the server choose)");
    }

    public static OnlineDdl of(Algorithm algorithm, Lock lock) {
        return new OnlineDdl(algorithm, lock);
    }

    /** Whether this asks for nothing: the statement goes without clauses. */
    public boolean serverChoice() {
        return algorithm == Algorithm.DEFAULT && lock == Lock.DEFAULT;
    }

    /** As the statement spells it, e.g. {@code ALGORITHM=INPLACE, LOCK=NONE}. */
    public String describe() {
        if (serverChoice()) {
            return "no ALGORITHM or LOCK clause";
        }
        String a = algorithm == Algorithm.DEFAULT ? "" : "ALGORITHM=" + algorithm;
        String l = lock == Lock.DEFAULT ? "" : "LOCK=" + lock;
        return a.isEmpty() ? l : l.isEmpty() ? a : a + ", " + l;
    }

    /**
     * {@code operation} carrying this request. The operations that change a table in place take
     * one (add, drop and change a column, create and drop an index); those that create or drop
     * whole objects, or run SQL, need none and come back unchanged; the others are refused, since a
     * request silently dropped would be worse than none.
     */
    public Operation requestOn(Operation operation) {
        if (operation instanceof AddColumn o) {
            return new AddColumn(o.schema(), o.table(), o.column(), this);
        } else if (operation instanceof DropColumn o) {
            return new DropColumn(o.schema(), o.table(), o.column(), o.original(), this);
        } else if (operation instanceof AlterColumn o) {
            return o.online(this);
        } else if (operation instanceof CreateIndex o) {
            return new CreateIndex(o.index(), o.concurrently(), o.ifNotExists(), this);
        } else if (operation instanceof DropIndex o) {
            return new DropIndex(o.schema(), o.name(), o.table(), o.original(), o.concurrently(), o.ifExists(), this);
        } else if (operation instanceof AddConstraint
                || operation instanceof DropConstraint
                || operation instanceof RenameTable
                || operation instanceof SetTableComment) {
            throw new IllegalArgumentException(operation.describe() + " takes no ALGORITHM/LOCK request (" + describe()
                    + "): only adding, dropping and changing columns and creating and dropping indexes do. Write the"
                    + " statement with its clauses yourself: executeOn(\"mysql\", \"ALTER TABLE ..., " + describe()
                    + "\")");
        }
        return operation;
    }
}
