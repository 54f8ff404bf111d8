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
        if (!table.equals(op.table())) {
            return false;
        }
        Change change = new Change(null);
        op.accept(change);
        return change.folds;
    }

    public static Table apply(Table table, Operation op) {
        Change change = new Change(table.normalized());
        Table changed = op.accept(change);
        if (changed == null) {
            throw new IllegalArgumentException(op.describe() + " does not change a table definition");
        }
        return changed;
    }

    /**
     * One operation applied to a definition: the new definition, or null for an operation that
     * changes no table definition. {@code folds} says whether a rebuild may collect it.
     */
    private static final class Change implements OperationVisitor<Table> {

        private final Table t;
        private boolean folds;

        Change(Table t) {
            this.t = t;
        }

        private Table folding(java.util.function.Supplier<Table> change) {
            folds = true;
            return t == null ? null : change.get();
        }

        @Override
        public Table createTable(CreateTable op) {
            return null;
        }

        @Override
        public Table dropTable(DropTable op) {
            return null;
        }

        /** Changes the definition, but a rebuild never collects it: it renames what is rebuilt. */
        @Override
        public Table renameTable(RenameTable op) {
            return t == null ? null : t.renamed(op.newName());
        }

        @Override
        public Table addColumn(AddColumn op) {
            return folding(() -> {
                if (t.column(op.column().name()).isPresent()) {
                    throw new IllegalArgumentException("Table " + t.name() + " already has a column "
                            + op.column().name());
                }
                List<Column> columns = new ArrayList<>(t.columns());
                columns.add(op.column());
                return t.withColumns(columns).normalized();
            });
        }

        @Override
        public Table dropColumn(DropColumn op) {
            return folding(() -> TableChanges.dropColumn(t, op.column()));
        }

        @Override
        public Table alterColumn(AlterColumn op) {
            return folding(() -> TableChanges.alterColumn(t, op));
        }

        @Override
        public Table createIndex(CreateIndex op) {
            return folding(() -> {
                List<Index> indexes = new ArrayList<>(t.indexes());
                indexes.add(op.index());
                return t.withIndexes(indexes);
            });
        }

        @Override
        public Table dropIndex(DropIndex op) {
            return folding(() -> {
                List<Index> indexes = t.indexes().stream()
                        .filter(i -> !i.name().equals(op.name()))
                        .toList();
                if (indexes.size() == t.indexes().size() && !op.ifExists()) {
                    throw new IllegalArgumentException("Table " + t.name() + " has no index " + op.name());
                }
                return t.withIndexes(indexes);
            });
        }

        @Override
        public Table addConstraint(AddConstraint op) {
            return folding(() -> {
                if (op.constraint() instanceof PrimaryKey && t.primaryKey().isPresent()) {
                    throw new IllegalArgumentException(
                            "Table " + t.name() + " already has a primary key; drop it first");
                }
                op.constraint().columns().forEach(t::requireColumn);
                List<Constraint> constraints = new ArrayList<>(t.constraints());
                constraints.add(op.constraint());
                return t.withConstraints(constraints);
            });
        }

        @Override
        public Table dropConstraint(DropConstraint op) {
            return folding(() -> TableChanges.dropConstraint(t, op));
        }

        /** Validation checks rows; the definition already holds the constraint. */
        @Override
        public Table validateConstraint(ValidateConstraint op) {
            return folding(() -> t);
        }

        @Override
        public Table setTableComment(SetTableComment op) {
            return folding(() -> t.withComment(op.comment()));
        }

        @Override
        public Table enumType(EnumTypeOperation op) {
            return null;
        }

        @Override
        public Table createSequence(CreateSequence op) {
            return null;
        }

        @Override
        public Table alterSequence(AlterSequence op) {
            return null;
        }

        @Override
        public Table dropSequence(DropSequence op) {
            return null;
        }

        @Override
        public Table execute(Execute op) {
            return null;
        }

        @Override
        public Table bulkInsert(BulkInsert op) {
            return null;
        }
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
