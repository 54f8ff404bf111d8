package dev.migrations.autogenerate.render;

import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaDiff;
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
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.SetTableComment;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a diff as the bodies of a Java migration: one {@code ops} call per step, in the Dsl a
 * person would write by hand ({@code import static dev.migrations.schema.Dsl.*}), with each risky
 * step preceded by a {@code WARNING} comment and each step that needs code by a {@code TODO}.
 * The downgrade is the steps' reverses, last first.
 */
public final class JavaOpsRenderer {

    /** The upgrade body. */
    public String upgrade(SchemaDiff diff) {
        StringBuilder s = new StringBuilder();
        for (SchemaChange change : diff.changes()) {
            if (change.warning() != null) {
                s.append(change.needsEdit() ? "// TODO: " : "// WARNING: ")
                        .append(change.warning())
                        .append('\n');
            }
            s.append(statement(change.upgrade())).append('\n');
        }
        return s.toString().stripTrailing();
    }

    /** The downgrade body: every step reversed, last first. */
    public String downgrade(SchemaDiff diff) {
        List<SchemaChange> changes = new ArrayList<>(diff.changes());
        java.util.Collections.reverse(changes);
        StringBuilder s = new StringBuilder();
        for (SchemaChange change : changes) {
            if (change.downgrade() == null) {
                s.append("// TODO: undo by hand: ")
                        .append(change.upgrade().describe())
                        .append('\n');
            } else {
                s.append(statement(change.downgrade())).append('\n');
            }
        }
        return s.toString().stripTrailing();
    }

    /** One operation as the Java statement a migration would hold. */
    public String statement(Operation op) {
        if (op instanceof CreateTable c) {
            return "ops.createTable(" + tableArguments(c.definition()) + ");";
        }
        if (op instanceof DropTable d) {
            return d.original() == null
                    ? "ops.dropTable(" + str(d.table()) + ");"
                    : "ops.dropTable(table(" + tableArguments(d.original()) + "));";
        }
        if (op instanceof AddColumn a) {
            return "ops.addColumn(" + str(a.table()) + ", " + column(a.column()) + ");";
        }
        if (op instanceof DropColumn d) {
            return d.original() == null
                    ? "ops.dropColumn(" + str(d.table()) + ", " + str(d.column()) + ");"
                    : "ops.dropColumn(" + str(d.table()) + ", " + column(d.original()) + ");";
        }
        if (op instanceof AlterColumn a && a.newName() != null && a.changesOnlyName()) {
            return "ops.renameColumn(" + str(a.table()) + ", " + str(a.column()) + ", " + str(a.newName()) + ");";
        }
        if (op instanceof RenameTable r) {
            return "ops.renameTable(" + str(r.table()) + ", " + str(r.newName()) + ");";
        }
        if (op instanceof AlterColumn a) {
            return "ops.alterColumn(" + str(a.table()) + ", " + str(a.column()) + ", c -> c" + alterations(a) + ");";
        }
        if (op instanceof CreateIndex c) {
            return (c.concurrently() ? "ops.createIndexConcurrently(" : "ops.createIndex(") + index(c.index()) + ");";
        }
        if (op instanceof DropIndex d && d.concurrently() && d.original() != null) {
            return "ops.dropIndexConcurrently(" + index(d.original()) + ");";
        }
        if (op instanceof DropIndex d) {
            return d.original() == null
                    ? "ops.dropIndex(" + str(d.name()) + ");"
                    : "ops.dropIndex(" + index(d.original()) + ");";
        }
        if (op instanceof AddConstraint a && a.usingIndex() != null) {
            return "ops.addConstraintUsingIndex(" + str(a.table()) + ", " + constraint(a.constraint()) + ", "
                    + str(a.usingIndex()) + ");";
        }
        if (op instanceof AddConstraint a) {
            return (a.notValid() ? "ops.addConstraintNotValid(" : "ops.addConstraint(") + str(a.table()) + ", "
                    + constraint(a.constraint()) + ");";
        }
        if (op instanceof ValidateConstraint v) {
            return "ops.validateConstraint(" + str(v.table()) + ", " + str(v.name()) + ");";
        }
        if (op instanceof DropConstraint d) {
            return "ops.dropConstraint(" + str(d.table()) + ", " + constraint(d.original()) + ");";
        }
        if (op instanceof CreateSequence c) {
            return "ops.createSequence(" + sequence(c.sequence()) + ");";
        }
        if (op instanceof DropSequence d) {
            return d.original() == null
                    ? "ops.dropSequence(" + str(d.name()) + ");"
                    : "ops.dropSequence(" + sequence(d.original()) + ");";
        }
        if (op instanceof AlterSequence a) {
            return "ops.alterSequence(" + str(a.name()) + ", s -> s.increment(" + a.increment() + "L));";
        }
        if (op instanceof SetTableComment c) {
            return c.comment() == null
                    ? "ops.dropTableComment(" + str(c.table()) + ");"
                    : "ops.setTableComment(" + str(c.table()) + ", " + str(c.comment()) + ");";
        }
        if (op instanceof BulkInsert b && b.schema() == null) {
            return "ops.bulkInsert(" + str(b.table()) + ", List.of("
                    + String.join(", ", b.rows().stream().map(this::row).toList()) + "));";
        }
        if (op instanceof Execute e && e.databases().isEmpty()) {
            return "ops.execute(" + str(e.sql()) + ");";
        }
        throw new IllegalArgumentException("Autogenerate cannot write " + op.describe() + " yet");
    }

    /** A row of numbers as {@code Map.of("column", 1L, ...)}, the only values autogenerate inserts. */
    private String row(java.util.Map<String, Object> row) {
        List<String> parts = new ArrayList<>();
        row.forEach((column, value) -> {
            parts.add(str(column));
            parts.add(value instanceof Long l ? l + "L" : "new java.math.BigDecimal(" + str(value.toString()) + ")");
        });
        return "Map.of(" + String.join(", ", parts) + ")";
    }

    private String tableArguments(Table table) {
        List<String> parts = new ArrayList<>();
        parts.add(str(table.name()));
        table.columns().forEach(c -> parts.add(column(c)));
        table.constraints().forEach(c -> parts.add(constraint(c)));
        table.indexes().forEach(i -> parts.add(index(i)));
        return String.join(",\n        ", parts);
    }

    String column(Column c) {
        StringBuilder s = new StringBuilder("column(")
                .append(str(c.name()))
                .append(", ")
                .append(type(c.type()))
                .append(')');
        if (c.isIdentity()) {
            s.append(".identity()");
        } else if (!c.nullable()) {
            s.append(".notNull()");
        }
        if (c.serverDefault() != null) {
            s.append(".serverDefault(").append(str(c.serverDefault())).append(')');
        }
        if (c.comment() != null) {
            s.append(".comment(").append(str(c.comment())).append(')');
        }
        return s.toString();
    }

    String type(ColumnType t) {
        return switch (t.kind()) {
            case SMALLINT, INTEGER, BIGINT, BOOLEAN, TEXT, FLOAT, DOUBLE, DATE, UUID, BLOB, CLOB, JSON ->
                t.kind().name();
            case TIME -> t.precision() == null ? "TIME" : "time(" + t.precision() + ")";
            case TIMESTAMP -> t.precision() == null ? "TIMESTAMP" : "timestamp(" + t.precision() + ")";
            case TIMESTAMP_TZ -> t.precision() == null ? "TIMESTAMP_TZ" : "timestampTz(" + t.precision() + ")";
            case VARCHAR -> t.length() == null ? "varchar()" : "varchar(" + t.length() + ")";
            case CHAR -> "character(" + (t.length() == null ? 1 : t.length()) + ")";
            case BINARY -> t.length() == null ? "BINARY" : "binary(" + t.length() + ")";
            case DECIMAL ->
                t.precision() == null ? "rawType(\"numeric\")" : "decimal(" + t.precision() + ", " + t.scale() + ")";
            case RAW -> "rawType(" + str(t.raw()) + ")";
        };
    }

    private String alterations(AlterColumn a) {
        StringBuilder s = new StringBuilder();
        if (a.type() != null) {
            s.append(".type(").append(type(a.type())).append(')');
        }
        if (a.nullable() != null) {
            s.append(".nullable(").append(a.nullable()).append(')');
        }
        if (a.serverDefault() != null) {
            s.append(
                    a.serverDefault().isPresent()
                            ? ".serverDefault(" + str(a.serverDefault().get()) + ")"
                            : ".dropServerDefault()");
        }
        if (a.identity() != null) {
            s.append(".identity(").append(a.identity()).append(')');
        }
        if (a.comment() != null) {
            s.append(".comment(")
                    .append(a.comment().map(this::str).orElse("null"))
                    .append(')');
        }
        return s.toString();
    }

    String index(Index i) {
        List<String> args = new ArrayList<>(List.of(str(i.name()), str(i.table())));
        i.columns().forEach(c -> args.add(str(c)));
        String s = (i.unique() ? "uniqueIndex(" : "index(") + String.join(", ", args) + ")";
        return i.where() == null ? s : s + ".where(" + str(i.where()) + ")";
    }

    String constraint(Constraint c) {
        String name = c.name() == null ? "null" : str(c.name());
        if (c instanceof PrimaryKey pk) {
            return "primaryKey(" + name + columns(pk.columns()) + ")";
        }
        if (c instanceof UniqueConstraint uq) {
            return "unique(" + name + columns(uq.columns()) + ")";
        }
        if (c instanceof CheckConstraint ck) {
            return "check(" + name + ", " + str(ck.condition()) + ")";
        }
        ForeignKey fk = (ForeignKey) c;
        StringBuilder s = new StringBuilder("foreignKey(")
                .append(name)
                .append(columns(fk.columns()))
                .append(").references(")
                .append(str(fk.referencedTable()))
                .append(columns(fk.referencedColumns()))
                .append(')');
        if (fk.onDelete() != null) {
            s.append(".onDelete(").append(fk.onDelete().name()).append(')');
        }
        if (fk.onUpdate() != null) {
            s.append(".onUpdate(").append(fk.onUpdate().name()).append(')');
        }
        return s.toString();
    }

    private String sequence(Sequence q) {
        StringBuilder s = new StringBuilder("sequence(").append(str(q.name())).append(')');
        if (q.start() != null) {
            s.append(".start(").append(q.start()).append("L)");
        }
        if (q.increment() != null) {
            s.append(".increment(").append(q.increment()).append("L)");
        }
        return s.toString();
    }

    private String columns(List<String> columns) {
        StringBuilder s = new StringBuilder();
        columns.forEach(c -> s.append(", ").append(str(c)));
        return s.toString();
    }

    /** A Java string literal. */
    String str(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(ch < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return s.append('"').toString();
    }
}
