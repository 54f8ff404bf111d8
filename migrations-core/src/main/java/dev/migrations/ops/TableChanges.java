package dev.migrations.ops;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies operations to an in-memory table definition: how a SQLite rebuild works out the new
 * table, and how offline mode keeps track of tables it created. Pure: no database is touched.
 */
public final class TableChanges {

    private TableChanges() {}

    /** True when {@link #apply} can fold this operation into a definition of {@code table}. */
    public static boolean folds(Operation op, String table) {
        return table.equals(op.table())
                && (op instanceof AddColumn
                        || op instanceof DropColumn
                        || op instanceof AlterColumn
                        || op instanceof AddConstraint
                        || op instanceof DropConstraint
                        || op instanceof CreateIndex
                        || op instanceof DropIndex
                        || op instanceof SetTableComment);
    }

    public static Table apply(Table table, Operation op) {
        Table t = table.normalized();
        if (op instanceof AddColumn o) {
            if (t.column(o.column().name()).isPresent()) {
                throw new IllegalArgumentException("Table " + t.name() + " already has a column "
                        + o.column().name());
            }
            List<Column> columns = new ArrayList<>(t.columns());
            columns.add(o.column());
            return t.withColumns(columns).normalized();
        } else if (op instanceof DropColumn o) {
            return dropColumn(t, o.column());
        } else if (op instanceof AlterColumn o) {
            return alterColumn(t, o);
        } else if (op instanceof AddConstraint o) {
            if (o.constraint() instanceof PrimaryKey && t.primaryKey().isPresent()) {
                throw new IllegalArgumentException("Table " + t.name() + " already has a primary key; drop it first");
            }
            o.constraint().columns().forEach(t::requireColumn);
            List<Constraint> constraints = new ArrayList<>(t.constraints());
            constraints.add(o.constraint());
            return t.withConstraints(constraints);
        } else if (op instanceof DropConstraint o) {
            return dropConstraint(t, o);
        } else if (op instanceof CreateIndex o) {
            List<Index> indexes = new ArrayList<>(t.indexes());
            indexes.add(o.index());
            return t.withIndexes(indexes);
        } else if (op instanceof DropIndex o) {
            List<Index> indexes =
                    t.indexes().stream().filter(i -> !i.name().equals(o.name())).toList();
            if (indexes.size() == t.indexes().size() && !o.ifExists()) {
                throw new IllegalArgumentException("Table " + t.name() + " has no index " + o.name());
            }
            return t.withIndexes(indexes);
        } else if (op instanceof SetTableComment o) {
            return t.withComment(o.comment());
        } else if (op instanceof RenameTable o) {
            return t.renamed(o.newName());
        }
        throw new IllegalArgumentException(op.describe() + " does not change a table definition");
    }

    private static Table dropColumn(Table t, String name) {
        t.requireColumn(name);
        if (t.columns().size() == 1) {
            throw new IllegalArgumentException(
                    "Cannot drop " + name + ", the only column of " + t.name() + "; drop the table instead");
        }
        List<Column> columns =
                t.columns().stream().filter(c -> !c.name().equals(name)).toList();
        // As PostgreSQL does: keys, checks and indexes over the dropped column go with it.
        List<Constraint> constraints = t.constraints().stream()
                .filter(c -> !c.columns().contains(name))
                .filter(c -> !(c instanceof CheckConstraint ck && mentions(ck.condition(), name)))
                .toList();
        List<Index> indexes = t.indexes().stream()
                .filter(i -> i.columns().stream().noneMatch(e -> name.equals(Index.columnOf(e))))
                .toList();
        return t.withColumns(columns).withConstraints(constraints).withIndexes(indexes);
    }

    private static Table alterColumn(Table t, AlterColumn o) {
        Column before = t.requireColumn(o.column());
        Column after = o.applyTo(before);
        List<Column> columns = t.columns().stream()
                .map(c -> c.name().equals(o.column()) ? after : c)
                .toList();
        Table changed = t.withColumns(columns);
        if (o.newName() == null) {
            return changed;
        }
        List<Constraint> constraints = t.constraints().stream()
                .map(c -> c instanceof CheckConstraint ck
                        ? new CheckConstraint(ck.name(), renameIn(ck.condition(), o.column(), o.newName()))
                        : c.renameColumn(o.column(), o.newName()))
                .toList();
        List<Index> indexes = t.indexes().stream()
                .map(i -> i.renameColumn(o.column(), o.newName()))
                .toList();
        return changed.withConstraints(constraints).withIndexes(indexes);
    }

    private static Table dropConstraint(Table t, DropConstraint o) {
        List<Constraint> kept = new ArrayList<>();
        Constraint dropped = null;
        for (Constraint c : t.constraints()) {
            boolean same = o.name() != null ? o.name().equals(c.name()) : c.equals(o.original());
            if (dropped == null && same) {
                dropped = c;
            } else {
                kept.add(c);
            }
        }
        if (dropped == null && o.type() == Constraint.Type.PRIMARY_KEY) {
            // SQLite keeps no name for a primary key declared without one: there is only one to drop.
            dropped = t.constraints().stream()
                    .filter(PrimaryKey.class::isInstance)
                    .findFirst()
                    .orElse(null);
            kept.remove(dropped);
        }
        if (dropped == null) {
            throw new IllegalArgumentException("Table " + t.name() + " has no constraint named " + o.name()
                    + " (named constraints: "
                    + t.constraints().stream()
                            .map(Constraint::name)
                            .filter(n -> n != null)
                            .toList() + ")");
        }
        if (dropped instanceof PrimaryKey) {
            List<Column> columns = t.columns().stream()
                    .map(c -> c.isIdentity()
                            ? new Column(
                                    c.name(),
                                    c.type(),
                                    false,
                                    c.serverDefault(),
                                    false,
                                    false,
                                    false,
                                    null,
                                    c.comment())
                            : c)
                    .toList();
            return t.withColumns(columns).withConstraints(kept);
        }
        return t.withConstraints(kept);
    }

    /** True when a SQL condition names the column (outside string literals). */
    static boolean mentions(String condition, String column) {
        return !renameIn(condition, column, "\u0000").equals(condition);
    }

    /**
     * The condition with every mention of a column, bare or double-quoted, renamed; text inside
     * string literals is left alone.
     */
    static String renameIn(String condition, String column, String newName) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < condition.length()) {
            char c = condition.charAt(i);
            if (c == '\'') {
                int end = condition.indexOf('\'', i + 1);
                end = end < 0 ? condition.length() : end + 1;
                out.append(condition, i, end);
                i = end;
            } else if (c == '"') {
                int end = condition.indexOf('"', i + 1);
                end = end < 0 ? condition.length() : end + 1;
                String inner = condition.substring(i + 1, Math.max(i + 1, end - 1));
                out.append(inner.equals(column) ? "\"" + newName + "\"" : condition.substring(i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < condition.length()
                        && (Character.isLetterOrDigit(condition.charAt(end)) || condition.charAt(end) == '_')) {
                    end++;
                }
                String word = condition.substring(i, end);
                out.append(word.equalsIgnoreCase(column) ? newName : word);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
