package dev.migrations.platform.postgresql;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.AlterSequence;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateSequence;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.DropSequence;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.EnumTypeOperation;
import dev.migrations.ops.Execute;
import dev.migrations.ops.OperationVisitor;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.SetTableComment;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.platform.SafetyContext;
import dev.migrations.platform.TableLock;
import dev.migrations.platform.TableLock.Blocks;
import dev.migrations.platform.TableLock.Work;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table locks each operation takes on PostgreSQL, as its documentation lists them for each
 * command (and as {@code lint --trace} reads them from {@code pg_locks}): ALTER TABLE takes ACCESS
 * EXCLUSIVE except where a weaker lock is enough (foreign keys SHARE ROW EXCLUSIVE on both tables,
 * VALIDATE CONSTRAINT and comments SHARE UPDATE EXCLUSIVE), CREATE INDEX takes SHARE, and its
 * concurrent form SHARE UPDATE EXCLUSIVE.
 */
final class PostgresLocks implements OperationVisitor<List<TableLock>> {

    static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";
    static final String SHARE_ROW_EXCLUSIVE = "ShareRowExclusiveLock";
    static final String SHARE = "ShareLock";
    static final String SHARE_UPDATE_EXCLUSIVE = "ShareUpdateExclusiveLock";
    static final String ROW_EXCLUSIVE = "RowExclusiveLock";
    static final String ROW_SHARE = "RowShareLock";
    static final String ACCESS_SHARE = "AccessShareLock";

    /** Weakest first, as the conflict table orders them. */
    static final List<String> STRENGTH = List.of(
            ACCESS_SHARE,
            ROW_SHARE,
            ROW_EXCLUSIVE,
            SHARE_UPDATE_EXCLUSIVE,
            SHARE,
            SHARE_ROW_EXCLUSIVE,
            "ExclusiveLock",
            ACCESS_EXCLUSIVE);

    private final SafetyContext context;

    PostgresLocks(SafetyContext context) {
        this.context = context;
    }

    private static TableLock exclusive(String table, Work work) {
        return new TableLock(table, ACCESS_EXCLUSIVE, Blocks.READS_AND_WRITES, work);
    }

    @Override
    public List<TableLock> createTable(CreateTable op) {
        List<TableLock> locks = new ArrayList<>();
        Table table = op.definition().normalized();
        locks.add(exclusive(table.name(), Work.NEW_TABLE));
        for (Constraint c : table.constraints()) {
            if (c instanceof ForeignKey fk && !fk.referencedTable().equals(table.name())) {
                locks.add(new TableLock(fk.referencedTable(), SHARE_ROW_EXCLUSIVE, Blocks.WRITES, Work.METADATA));
            }
        }
        return locks;
    }

    @Override
    public List<TableLock> dropTable(DropTable op) {
        List<TableLock> locks = new ArrayList<>(List.of(exclusive(op.table(), Work.METADATA)));
        // Its foreign keys' triggers go from the tables they reference, which takes their locks too.
        for (ForeignKey fk : foreignKeys(op.table())) {
            if (!fk.referencedTable().equals(op.table())) {
                locks.add(exclusive(fk.referencedTable(), Work.METADATA));
            }
        }
        return locks;
    }

    @Override
    public List<TableLock> renameTable(RenameTable op) {
        return List.of(exclusive(op.table(), Work.METADATA));
    }

    @Override
    public List<TableLock> addColumn(AddColumn op) {
        Column c = op.column();
        Work work = PostgresRules.volatileDefault(c)
                ? Work.REWRITE
                : c.isPrimaryKey() || c.isUnique()
                        ? Work.INDEX_BUILD
                        : !c.nullable() && c.serverDefault() == null ? Work.SCAN : Work.METADATA;
        List<TableLock> locks = new ArrayList<>(List.of(exclusive(op.table(), work)));
        if (c.references() != null && !c.references().referencedTable().equals(op.table())) {
            locks.add(
                    new TableLock(c.references().referencedTable(), SHARE_ROW_EXCLUSIVE, Blocks.WRITES, Work.METADATA));
        }
        return locks;
    }

    @Override
    public List<TableLock> dropColumn(DropColumn op) {
        return List.of(exclusive(op.table(), Work.METADATA));
    }

    @Override
    public List<TableLock> alterColumn(AlterColumn op) {
        if (op.type() == null && op.nullable() == null && op.serverDefault() == null && op.newName() == null) {
            return op.comment() == null
                    ? List.of()
                    : List.of(new TableLock(op.table(), SHARE_UPDATE_EXCLUSIVE, Blocks.NOTHING, Work.METADATA));
        }
        Work work = Work.METADATA;
        if (Boolean.FALSE.equals(op.nullable()) && setsNotNull(op, context)) {
            work = Work.SCAN;
        }
        if (op.type() != null && PostgresRules.typeChangeRewrites(op, context).orElse(true)) {
            work = Work.REWRITE;
        }
        List<TableLock> locks = new ArrayList<>(List.of(exclusive(op.table(), work)));
        if (op.type() != null) {
            // the foreign keys on the column are dropped and added again: the table at their other end too
            keysOn(op.table(), op.column()).stream()
                    .filter(t -> !t.equalsIgnoreCase(op.table()))
                    .distinct()
                    .forEach(t -> locks.add(exclusive(t, Work.METADATA)));
        }
        return locks;
    }

    /** The tables at the other end of the foreign keys that use this column, from either side. */
    private List<String> keysOn(String table, String column) {
        List<String> others = new ArrayList<>();
        foreignKeys(table).stream()
                .filter(fk -> fk.columns().contains(column))
                .forEach(fk -> others.add(fk.referencedTable()));
        for (Table t : context.tables()) {
            t.normalized().constraints().stream()
                    .filter(c -> c instanceof ForeignKey fk
                            && fk.referencedTable().equalsIgnoreCase(table)
                            && fk.referencedColumns().contains(column))
                    .forEach(c -> others.add(t.name()));
        }
        return others;
    }

    @Override
    public List<TableLock> createIndex(CreateIndex op) {
        String table = op.index().table();
        if (context.isNew(table)) {
            return List.of(new TableLock(table, SHARE, Blocks.WRITES, Work.INDEX_BUILD));
        }
        return List.of(
                op.concurrently()
                        ? new TableLock(table, SHARE_UPDATE_EXCLUSIVE, Blocks.NOTHING, Work.INDEX_BUILD)
                        : new TableLock(table, SHARE, Blocks.WRITES, Work.INDEX_BUILD));
    }

    @Override
    public List<TableLock> dropIndex(DropIndex op) {
        Optional<String> table = Optional.ofNullable(op.table()).or(() -> context.tableOfIndex(op.name()));
        if (table.isEmpty()) {
            return List.of();
        }
        return List.of(
                op.concurrently()
                        ? new TableLock(table.get(), SHARE_UPDATE_EXCLUSIVE, Blocks.NOTHING, Work.METADATA)
                        : exclusive(table.get(), Work.METADATA));
    }

    @Override
    public List<TableLock> addConstraint(AddConstraint op) {
        Constraint c = op.constraint();
        if (c instanceof ForeignKey fk) {
            Work work = op.notValid() ? Work.METADATA : Work.SCAN;
            List<TableLock> locks =
                    new ArrayList<>(List.of(new TableLock(op.table(), SHARE_ROW_EXCLUSIVE, Blocks.WRITES, work)));
            if (!fk.referencedTable().equals(op.table())) {
                locks.add(new TableLock(fk.referencedTable(), SHARE_ROW_EXCLUSIVE, Blocks.WRITES, Work.METADATA));
            }
            return locks;
        }
        if (op.usingIndex() != null) {
            // SQL does not repeat the key's columns: they are the index's
            List<String> columns = context.table(op.table())
                    .flatMap(t -> t.indexes().stream()
                            .filter(i -> i.name().equalsIgnoreCase(op.usingIndex()))
                            .findFirst())
                    .map(Index::columns)
                    .orElse(c.columns());
            boolean nullable = c instanceof PrimaryKey && columns.stream().anyMatch(col -> nullable(op.table(), col));
            return List.of(exclusive(op.table(), nullable ? Work.SCAN : Work.METADATA));
        }
        return List.of(exclusive(
                op.table(),
                c.type() == Constraint.Type.CHECK ? (op.notValid() ? Work.METADATA : Work.SCAN) : Work.INDEX_BUILD));
    }

    @Override
    public List<TableLock> dropConstraint(DropConstraint op) {
        List<TableLock> locks = new ArrayList<>(List.of(exclusive(op.table(), Work.METADATA)));
        foreignKey(op.table(), op.name(), op.original())
                .filter(fk -> !fk.referencedTable().equals(op.table()))
                .ifPresent(fk -> locks.add(exclusive(fk.referencedTable(), Work.METADATA)));
        return locks;
    }

    @Override
    public List<TableLock> validateConstraint(ValidateConstraint op) {
        List<TableLock> locks =
                new ArrayList<>(List.of(new TableLock(op.table(), SHARE_UPDATE_EXCLUSIVE, Blocks.NOTHING, Work.SCAN)));
        foreignKey(op.table(), op.name(), null)
                .filter(fk -> !fk.referencedTable().equals(op.table()))
                .ifPresent(fk -> locks.add(new TableLock(fk.referencedTable(), ROW_SHARE, Blocks.NOTHING, Work.READ)));
        return locks;
    }

    /** Locks the type, not a table; recreating a type without a value locks the tables found at run time. */
    @Override
    public List<TableLock> enumType(EnumTypeOperation op) {
        return List.of();
    }

    @Override
    public List<TableLock> createSequence(CreateSequence op) {
        return List.of();
    }

    @Override
    public List<TableLock> alterSequence(AlterSequence op) {
        return List.of();
    }

    @Override
    public List<TableLock> dropSequence(DropSequence op) {
        return List.of();
    }

    @Override
    public List<TableLock> setTableComment(SetTableComment op) {
        return List.of(new TableLock(op.table(), SHARE_UPDATE_EXCLUSIVE, Blocks.NOTHING, Work.METADATA));
    }

    /** Raw SQL is read by the lint's statement reader, which asks for data and operation locks. */
    @Override
    public List<TableLock> execute(Execute op) {
        return List.of();
    }

    @Override
    public List<TableLock> bulkInsert(BulkInsert op) {
        return List.of(new TableLock(op.table(), ROW_EXCLUSIVE, Blocks.NOTHING, Work.DATA));
    }

    /**
     * Whether SET NOT NULL has to scan: not when a validated check proves it, nor when the column is
     * NOT NULL already (PostgreSQL then does nothing).
     */
    static boolean setsNotNull(AlterColumn op, SafetyContext context) {
        boolean alreadyNotNull = context.table(op.table())
                .flatMap(t -> t.column(op.column()))
                .map(c -> !c.nullable())
                .orElse(false);
        return !alreadyNotNull && !context.provenNotNull(op.table(), op.column());
    }

    private boolean nullable(String table, String column) {
        return context.table(table)
                .flatMap(t -> t.column(column))
                .map(Column::nullable)
                .orElse(true);
    }

    private List<ForeignKey> foreignKeys(String table) {
        return context.table(table)
                .map(t -> t.normalized().constraints().stream()
                        .filter(ForeignKey.class::isInstance)
                        .map(ForeignKey.class::cast)
                        .toList())
                .orElse(List.of());
    }

    private Optional<ForeignKey> foreignKey(String table, String name, Constraint original) {
        if (original instanceof ForeignKey fk) {
            return Optional.of(fk);
        }
        return foreignKeys(table).stream()
                .filter(fk -> name != null && name.equals(fk.name()))
                .findFirst();
    }
}
