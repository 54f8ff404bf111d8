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
import dev.migrations.ops.Operation;
import dev.migrations.ops.OperationVisitor;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.SetTableComment;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.platform.Hazard;
import dev.migrations.platform.SafeForm;
import dev.migrations.platform.SafetyContext;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds what {@link PostgresRules} describe in one operation, with the safe form for that case. */
final class PostgresHazards implements OperationVisitor<List<Hazard>> {

    private static final String OUTSIDE =
            "Writes go on while it builds; it takes longer, and the engine drops and rebuilds an index a failed"
                    + " build leaves INVALID.";

    private final SafetyContext context;

    PostgresHazards(SafetyContext context) {
        this.context = context;
    }

    private boolean existing(String table) {
        return table != null && !context.isNew(table);
    }

    @Override
    public List<Hazard> createIndex(CreateIndex op) {
        Index index = op.index();
        if (op.concurrently()) {
            return inTransaction("CREATE INDEX CONCURRENTLY " + index.name(), index.table());
        }
        if (!existing(index.table())) {
            return List.of();
        }
        return List.of(new Hazard(
                PostgresRules.INDEX_NOT_CONCURRENT,
                index.table(),
                "CREATE INDEX " + index.name() + " blocks writes to " + index.table() + " (ShareLock) while it builds",
                SafeForm.separately(List.of(new CreateIndex(index, true, op.ifNotExists())), OUTSIDE)));
    }

    @Override
    public List<Hazard> dropIndex(DropIndex op) {
        if (op.concurrently()) {
            return inTransaction("DROP INDEX CONCURRENTLY " + op.name(), op.table());
        }
        Optional<String> table = Optional.ofNullable(op.table()).or(() -> context.tableOfIndex(op.name()));
        if (table.isEmpty() || !existing(table.get())) {
            return List.of();
        }
        Index original = op.original() != null
                ? op.original()
                : context.table(table.get())
                        .flatMap(t -> t.indexes().stream()
                                .filter(i -> i.name().equals(op.name()))
                                .findFirst())
                        .orElse(null);
        return List.of(new Hazard(
                PostgresRules.DROP_INDEX_NOT_CONCURRENT,
                table.get(),
                "DROP INDEX " + op.name() + " takes AccessExclusiveLock on " + table.get()
                        + ": it waits for every running query there and blocks all others behind it",
                SafeForm.separately(
                        List.of(new DropIndex(op.schema(), op.name(), table.get(), original, true, op.ifExists())),
                        "Queries on " + table.get() + " go on while it waits for them to finish.")));
    }

    private List<Hazard> inTransaction(String what, String table) {
        if (!context.inTransaction()) {
            return List.of();
        }
        return List.of(new Hazard(
                PostgresRules.CONCURRENT_INDEX_IN_TRANSACTION,
                table,
                what + " cannot run inside a transaction, and this revision is transactional: it fails",
                SafeForm.advice("Declare the revision non-transactional (@Revision(transactional = false), or"
                        + " '-- transactional: false' in a SQL file) and keep only the concurrent statements in it.")));
    }

    @Override
    public List<Hazard> alterColumn(AlterColumn op) {
        if (!existing(op.table())) {
            return List.of();
        }
        List<Hazard> hazards = new ArrayList<>();
        String column = op.table() + "." + op.column();
        if (op.type() != null) {
            Optional<Boolean> rewrites = PostgresRules.typeChangeRewrites(op, context);
            if (rewrites.orElse(true)) {
                String from = op.existing() != null
                        ? op.existing().type().toString()
                        : context.table(op.table())
                                .flatMap(t -> t.column(op.column()))
                                .map(c -> c.type().toString())
                                .orElse(null);
                hazards.add(new Hazard(
                        PostgresRules.COLUMN_TYPE_REWRITE,
                        op.table(),
                        "changing " + column + (from == null ? "" : " from " + from) + " to " + op.type()
                                + " rewrites " + op.table() + " and its indexes under AccessExclusiveLock"
                                + (rewrites.isEmpty() ? " (its current type is unknown here, so it may not)" : ""),
                        new SafeForm(
                                List.of(new AddColumn(
                                        op.schema(), op.table(), Column.of(op.column() + "_new", op.type()))),
                                List.of(),
                                "Backfill " + op.column() + "_new in batches, move the application to it, then drop "
                                        + op.column() + " and rename.")));
            }
        }
        if (Boolean.FALSE.equals(op.nullable()) && PostgresLocks.setsNotNull(op, context)) {
            String check = PostgresRules.constraintName(op.table(), op.column(), "not_null");
            CheckConstraint notNull = new CheckConstraint(check, quoted(op.column()) + " IS NOT NULL");
            hazards.add(new Hazard(
                    PostgresRules.SET_NOT_NULL_SCAN,
                    op.table(),
                    "SET NOT NULL on " + column + " scans every row of " + op.table() + " under AccessExclusiveLock",
                    new SafeForm(
                            List.of(new AddConstraint(op.schema(), op.table(), notNull).withoutValidation()),
                            List.of(
                                    new ValidateConstraint(op.schema(), op.table(), check),
                                    setNotNull(op),
                                    new DropConstraint(op.schema(), op.table(), check, Constraint.Type.CHECK, notNull)),
                            "With the check validated, SET NOT NULL needs no scan (PostgreSQL 12+).",
                            op.type() == null
                                    && op.serverDefault() == null
                                    && op.newName() == null
                                    && op.comment() == null)));
        }
        return hazards;
    }

    /** Only the NOT NULL part of a change, reversible when the column is known. */
    private AlterColumn setNotNull(AlterColumn op) {
        AlterColumn change =
                AlterColumn.of(op.schema(), op.table(), op.column()).nullable(false);
        Column before = op.existing() != null
                ? op.existing()
                : context.table(op.table()).flatMap(t -> t.column(op.column())).orElse(null);
        return before == null ? change : change.existing(before);
    }

    @Override
    public List<Hazard> addColumn(AddColumn op) {
        if (!existing(op.table())) {
            return List.of();
        }
        Column c = op.column();
        List<Hazard> hazards = new ArrayList<>();
        if (PostgresRules.volatileDefault(c)) {
            Column plain = new Column(c.name(), c.type(), true, null, false, false, false, null, c.comment());
            List<Operation> steps = new ArrayList<>(List.of(new AddColumn(op.schema(), op.table(), plain)));
            if (c.serverDefault() != null) {
                steps.add(AlterColumn.of(op.schema(), op.table(), c.name()).serverDefault(c.serverDefault()));
            }
            hazards.add(new Hazard(
                    PostgresRules.VOLATILE_DEFAULT,
                    op.table(),
                    "adding " + op.table() + "." + c.name() + " with "
                            + (c.serverDefault() != null ? "the volatile default " + c.serverDefault() : "an identity")
                            + " rewrites " + op.table() + " under AccessExclusiveLock",
                    new SafeForm(
                            steps,
                            List.of(),
                            "The default then applies to new rows only: fill the existing ones in batches in a"
                                    + " non-transactional revision.")));
        }
        if (c.isPrimaryKey() || c.isUnique()) {
            hazards.add(new Hazard(
                    c.isPrimaryKey() ? PostgresRules.PRIMARY_KEY_BUILDS_INDEX : PostgresRules.UNIQUE_BUILDS_INDEX,
                    op.table(),
                    "adding " + op.table() + "." + c.name() + " as a " + (c.isPrimaryKey() ? "primary key" : "unique")
                            + " column builds its index under AccessExclusiveLock",
                    SafeForm.advice("Add the column plain, build a unique index on it concurrently, then attach it"
                            + " with addConstraintUsingIndex.")));
        }
        if (c.references() != null) {
            hazards.add(new Hazard(
                    PostgresRules.FOREIGN_KEY_VALIDATES,
                    op.table(),
                    "the foreign key of " + op.table() + "." + c.name() + " is checked against every row while"
                            + " writes to " + op.table() + " and "
                            + c.references().referencedTable() + " wait",
                    SafeForm.advice("Add the column without references(...), then addConstraintNotValid with the"
                            + " foreign key and validateConstraint in a later revision.")));
        }
        return hazards;
    }

    @Override
    public List<Hazard> addConstraint(AddConstraint op) {
        if (!existing(op.table())) {
            return List.of();
        }
        Constraint c = op.constraint();
        String name = c.name() == null ? "" : " " + c.name();
        if ((c instanceof ForeignKey || c instanceof CheckConstraint) && !op.notValid()) {
            boolean fk = c instanceof ForeignKey;
            List<Operation> later =
                    c.name() == null ? List.of() : List.of(new ValidateConstraint(op.schema(), op.table(), c.name()));
            return List.of(new Hazard(
                    fk ? PostgresRules.FOREIGN_KEY_VALIDATES : PostgresRules.CHECK_VALIDATES,
                    op.table(),
                    (fk
                            ? "foreign key" + name + " is checked against every row of " + op.table()
                                    + " while writes to " + op.table() + " and "
                                    + ((ForeignKey) c).referencedTable() + " wait (ShareRowExclusiveLock)"
                            : "check" + name + " is checked against every row of " + op.table()
                                    + " under AccessExclusiveLock"),
                    new SafeForm(
                            List.of(op.withoutValidation()),
                            later,
                            c.name() == null
                                    ? "Name the constraint so that it can be validated by name."
                                    : "New rows are checked at once; the validation checks the old ones without"
                                            + " blocking writes.",
                            c.name() != null)));
        }
        if ((c instanceof UniqueConstraint || c instanceof PrimaryKey) && op.usingIndex() == null) {
            boolean pk = c instanceof PrimaryKey;
            String index = c.name() != null ? c.name() : PostgresRules.constraintName(op.table(), "key");
            Index unique = new Index(index, op.schema(), op.table(), c.columns(), true, null);
            return List.of(new Hazard(
                    pk ? PostgresRules.PRIMARY_KEY_BUILDS_INDEX : PostgresRules.UNIQUE_BUILDS_INDEX,
                    op.table(),
                    (pk ? "primary key" : "unique constraint") + name + " builds its index on " + op.table()
                            + " under AccessExclusiveLock",
                    SafeForm.separately(
                            List.of(
                                    new CreateIndex(unique, true, false),
                                    new AddConstraint(op.schema(), op.table(), c.named(index)).usingIndex(index)),
                            pk
                                    ? "Make the key's columns NOT NULL first (see set-not-null-scan), or attaching"
                                            + " the index scans for NULLs."
                                    : "")));
        }
        return List.of();
    }

    @Override
    public List<Hazard> validateConstraint(ValidateConstraint op) {
        if (!context.inTransaction() || !context.addedNotValidInThisTransaction(op.table(), op.name())) {
            return List.of();
        }
        return List.of(new Hazard(
                PostgresRules.VALIDATE_IN_SAME_TRANSACTION,
                op.table(),
                "constraint " + op.name() + " is validated in the transaction that added it NOT VALID, so the add's"
                        + " lock on " + op.table() + " is held while every row is checked",
                SafeForm.separately(List.of(op), "Validate in a following non-transactional revision.")));
    }

    private static String quoted(String column) {
        return column.matches("[a-z_][a-z0-9_]*") ? column : "\"" + column.replace("\"", "\"\"") + "\"";
    }

    @Override
    public List<Hazard> createTable(CreateTable op) {
        return List.of();
    }

    @Override
    public List<Hazard> dropTable(DropTable op) {
        return List.of();
    }

    @Override
    public List<Hazard> renameTable(RenameTable op) {
        return List.of();
    }

    @Override
    public List<Hazard> dropColumn(DropColumn op) {
        return List.of();
    }

    @Override
    public List<Hazard> dropConstraint(DropConstraint op) {
        return List.of();
    }

    /** Named enum types change the catalog only; recreating one without a value is said in the file. */
    @Override
    public List<Hazard> enumType(EnumTypeOperation op) {
        return List.of();
    }

    @Override
    public List<Hazard> createSequence(CreateSequence op) {
        return List.of();
    }

    @Override
    public List<Hazard> alterSequence(AlterSequence op) {
        return List.of();
    }

    @Override
    public List<Hazard> dropSequence(DropSequence op) {
        return List.of();
    }

    @Override
    public List<Hazard> setTableComment(SetTableComment op) {
        return List.of();
    }

    @Override
    public List<Hazard> execute(Execute op) {
        return List.of();
    }

    @Override
    public List<Hazard> bulkInsert(BulkInsert op) {
        return List.of();
    }
}
