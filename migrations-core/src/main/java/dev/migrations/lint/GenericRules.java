package dev.migrations.lint;

import static dev.migrations.platform.SafetyRule.Kind.COMPATIBILITY;
import static dev.migrations.platform.SafetyRule.Kind.HYGIENE;
import static dev.migrations.platform.SafetyRule.Kind.LOCKING;
import static dev.migrations.platform.Severity.ERROR;
import static dev.migrations.platform.Severity.WARNING;

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
import dev.migrations.platform.Hazard;
import dev.migrations.platform.SafeForm;
import dev.migrations.platform.SafetyContext;
import dev.migrations.platform.SafetyRule;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.ColumnType.Kind;
import java.util.List;
import java.util.Optional;

/**
 * The rules every database shares: data loss and changes the previous application version (still
 * running during a rolling deploy) trips over, and the hygiene of a revision. Each database adds its
 * own locking rules through its platform's {@code SafetyRules}.
 */
final class GenericRules implements OperationVisitor<List<Hazard>> {

    static final SafetyRule DROP_TABLE = new SafetyRule(
            "drop-table",
            "DROP TABLE",
            "loses the data, and the running application version still reads and writes the table",
            "stop using the table in the application and deploy that first; then drop it, saying why",
            ERROR,
            COMPATIBILITY);
    static final SafetyRule DROP_COLUMN = new SafetyRule(
            "drop-column",
            "DROP COLUMN",
            "loses the data, and the running application version still selects and inserts the column",
            "remove the field from the entity and deploy that first; then drop the column, saying why",
            ERROR,
            COMPATIBILITY);
    static final SafetyRule RENAME_TABLE = new SafetyRule(
            "rename-table",
            "renaming a table",
            "the running application version still uses the old name and fails until it is replaced",
            "a new table written alongside the old one, reads moved over, the old one dropped later",
            ERROR,
            COMPATIBILITY);
    static final SafetyRule RENAME_COLUMN = new SafetyRule(
            "rename-column",
            "renaming a column",
            "the running application version still uses the old name and fails until it is replaced",
            "a new column written alongside the old one, backfilled, reads moved over, the old one dropped later",
            ERROR,
            COMPATIBILITY);
    static final SafetyRule NARROWING_TYPE = new SafetyRule(
            "narrowing-type",
            "a type change that narrows a column",
            "existing values may not fit (the change fails or truncates) and the running version writes values"
                    + " that no longer fit",
            "a new column of the narrower type, filled with values checked to fit, then switched to",
            ERROR,
            COMPATIBILITY);
    static final SafetyRule NOT_NULL_WITHOUT_DEFAULT = new SafetyRule(
            "not-null-without-default",
            "a NOT NULL column without a default on an existing table",
            "fails on a table with rows, and the running version's inserts leave the column out and fail",
            "give it a server default, or add it nullable, backfill, then make it NOT NULL",
            ERROR,
            COMPATIBILITY);
    static final SafetyRule BACKFILL_IN_DDL_TRANSACTION = new SafetyRule(
            "backfill-in-ddl-transaction",
            "a data backfill in the same transaction as DDL",
            "the DDL's lock (and the updated rows' locks) are held until the whole backfill commits",
            "the backfill in a revision of its own, non-transactional, in batches",
            WARNING,
            LOCKING);
    static final SafetyRule NO_DOWNGRADE = new SafetyRule(
            "no-downgrade",
            "a revision without a downgrade",
            "it cannot be undone with `migrations downgrade`; a bad deploy has no way back but a new revision",
            "write the downgrade (an empty one says there is nothing to undo)",
            WARNING,
            HYGIENE,
            true);
    static final SafetyRule NOT_INSPECTED = new SafetyRule(
            "not-inspected",
            "SQL the lint cannot see into",
            "its locks and risks are unknown: nothing vouches for it",
            "check it by hand (lint --trace shows its locks where the database shows them), then accept it, saying why",
            WARNING,
            HYGIENE);

    static final List<SafetyRule> ALL = List.of(
            DROP_TABLE,
            DROP_COLUMN,
            RENAME_TABLE,
            RENAME_COLUMN,
            NARROWING_TYPE,
            NOT_NULL_WITHOUT_DEFAULT,
            BACKFILL_IN_DDL_TRANSACTION,
            NO_DOWNGRADE,
            NOT_INSPECTED);

    /** Replaced by the revision format's spelling of an accepted finding. */
    static final String IGNORE = "{ignore}";

    private final SafetyContext context;

    GenericRules(SafetyContext context) {
        this.context = context;
    }

    private boolean existing(String table) {
        return table != null && !context.isNew(table);
    }

    @Override
    public List<Hazard> dropTable(DropTable op) {
        if (!existing(op.table())) {
            return List.of();
        }
        return List.of(new Hazard(
                DROP_TABLE,
                op.table(),
                "DROP TABLE " + op.table() + " loses its rows; the running version may still use it",
                SafeForm.advice("Deploy an application that no longer uses " + op.table() + " first. Then keep this"
                        + " revision and accept the finding: " + IGNORE)));
    }

    @Override
    public List<Hazard> dropColumn(DropColumn op) {
        if (!existing(op.table())) {
            return List.of();
        }
        return List.of(new Hazard(
                DROP_COLUMN,
                op.table(),
                "dropping " + op.table() + "." + op.column() + " loses its values; the running version may still"
                        + " select or insert it",
                SafeForm.advice("Remove the field from the entity (or mark it @Transient) and deploy that first."
                        + " Then keep this revision and accept the finding: " + IGNORE)));
    }

    @Override
    public List<Hazard> renameTable(RenameTable op) {
        if (!existing(op.table())) {
            return List.of();
        }
        return List.of(new Hazard(
                RENAME_TABLE,
                op.table(),
                "renaming " + op.table() + " to " + op.newName() + " breaks the running version, which uses the"
                        + " old name",
                SafeForm.advice("Create " + op.newName() + ", write to both from the application, copy the old rows"
                        + " in batches, move reads over, and drop " + op.table() + " in a later revision.")));
    }

    @Override
    public List<Hazard> alterColumn(AlterColumn op) {
        if (!existing(op.table())) {
            return List.of();
        }
        List<Hazard> hazards = new java.util.ArrayList<>();
        if (op.newName() != null) {
            Optional<Column> before = column(op);
            hazards.add(new Hazard(
                    RENAME_COLUMN,
                    op.table(),
                    "renaming " + op.table() + "." + op.column() + " to " + op.newName()
                            + " breaks the running version, which uses the old name",
                    new SafeForm(
                            before.map(c -> List.<dev.migrations.ops.Operation>of(new AddColumn(
                                            op.schema(),
                                            op.table(),
                                            c.named(op.newName())
                                                    .withoutConstraints()
                                                    .nullable(true))))
                                    .orElse(List.of()),
                            List.of(),
                            "Write both columns from the application, backfill " + op.newName() + " in batches, move"
                                    + " reads over, and drop " + op.column() + " in a later revision.")));
        }
        if (op.type() != null) {
            column(op)
                    .filter(c -> narrows(c.type(), op.type()))
                    .ifPresent(c -> hazards.add(new Hazard(
                            NARROWING_TYPE,
                            op.table(),
                            "changing " + op.table() + "." + op.column() + " from " + c.type() + " to " + op.type()
                                    + " narrows it: existing values may not fit, and the running version writes values that"
                                    + " do not",
                            new SafeForm(
                                    List.of(new AddColumn(
                                            op.schema(), op.table(), Column.of(op.column() + "_new", op.type()))),
                                    List.of(),
                                    "Fill it with values checked to fit, move the application over, then drop "
                                            + op.column() + "."))));
        }
        return hazards;
    }

    @Override
    public List<Hazard> addColumn(AddColumn op) {
        Column c = op.column();
        if (!existing(op.table()) || c.nullable() || c.serverDefault() != null || c.isIdentity()) {
            return List.of();
        }
        return List.of(new Hazard(
                NOT_NULL_WITHOUT_DEFAULT,
                op.table(),
                "NOT NULL column " + op.table() + "." + c.name() + " has no default: adding it fails if " + op.table()
                        + " has rows, and the running version's inserts fail",
                new SafeForm(
                        List.of(new AddColumn(op.schema(), op.table(), c.nullable(true))),
                        List.of(),
                        "Or give it a server default. Backfill the nullable column, then make it NOT NULL.")));
    }

    private Optional<Column> column(AlterColumn op) {
        return op.existing() != null
                ? Optional.of(op.existing())
                : context.table(op.table()).flatMap(t -> t.column(op.column()));
    }

    /** Whether values of {@code from} may not fit {@code to}. */
    static boolean narrows(ColumnType from, ColumnType to) {
        Kind a = from.kind() == Kind.CLOB ? Kind.TEXT : from.kind();
        Kind b = to.kind() == Kind.CLOB ? Kind.TEXT : to.kind();
        if (sized(a) && sized(b)) {
            if (a == Kind.TEXT) {
                return b != Kind.TEXT && to.length() != null;
            }
            return b != Kind.TEXT && to.length() != null && (from.length() == null || to.length() < from.length());
        }
        if (a == Kind.DECIMAL && b == Kind.DECIMAL) {
            return to.precision() != null
                    && (from.precision() == null || to.precision() < from.precision() || scale(to) < scale(from));
        }
        int ai = integerRank(a);
        int bi = integerRank(b);
        if (ai > 0 && bi > 0) {
            return bi < ai;
        }
        if ((a == Kind.DECIMAL || a == Kind.DOUBLE || a == Kind.FLOAT) && bi > 0) {
            return true;
        }
        return a == Kind.DOUBLE && b == Kind.FLOAT;
    }

    private static boolean sized(Kind k) {
        return k == Kind.VARCHAR || k == Kind.CHAR || k == Kind.TEXT;
    }

    private static int scale(ColumnType t) {
        return t.scale() == null ? 0 : t.scale();
    }

    private static int integerRank(Kind k) {
        return switch (k) {
            case TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER -> 3;
            case BIGINT -> 4;
            default -> 0;
        };
    }

    @Override
    public List<Hazard> createTable(CreateTable op) {
        return List.of();
    }

    @Override
    public List<Hazard> createIndex(CreateIndex op) {
        return List.of();
    }

    @Override
    public List<Hazard> dropIndex(DropIndex op) {
        return List.of();
    }

    @Override
    public List<Hazard> addConstraint(AddConstraint op) {
        return List.of();
    }

    @Override
    public List<Hazard> dropConstraint(DropConstraint op) {
        return List.of();
    }

    @Override
    public List<Hazard> validateConstraint(ValidateConstraint op) {
        return List.of();
    }

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
