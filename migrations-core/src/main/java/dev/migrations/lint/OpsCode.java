package dev.migrations.lint;

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
import dev.migrations.ops.OperationVisitor;
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
import java.util.List;
import java.util.stream.Collectors;

/**
 * An operation as the Java statement that asks for it ({@code ops.createIndexConcurrently(index(...));}),
 * in the {@code Dsl} a migration imports statically: how a finding spells its safe form for a Java
 * revision.
 */
final class OpsCode implements OperationVisitor<String> {

    static final OpsCode INSTANCE = new OpsCode();

    @Override
    public String createIndex(CreateIndex op) {
        return (op.concurrently() ? "ops.createIndexConcurrently(" : "ops.createIndex(") + index(op.index()) + ");";
    }

    @Override
    public String dropIndex(DropIndex op) {
        if (op.original() != null) {
            return (op.concurrently() ? "ops.dropIndexConcurrently(" : "ops.dropIndex(") + index(op.original()) + ");";
        }
        return "ops.dropIndex(" + str(op.name()) + ");";
    }

    @Override
    public String addConstraint(AddConstraint op) {
        if (op.usingIndex() != null) {
            return "ops.addConstraintUsingIndex(" + str(op.table()) + ", " + constraint(op.constraint()) + ", "
                    + str(op.usingIndex()) + ");";
        }
        return (op.notValid() ? "ops.addConstraintNotValid(" : "ops.addConstraint(") + str(op.table()) + ", "
                + constraint(op.constraint()) + ");";
    }

    @Override
    public String validateConstraint(ValidateConstraint op) {
        return "ops.validateConstraint(" + str(op.table()) + ", " + str(op.name()) + ");";
    }

    @Override
    public String dropConstraint(DropConstraint op) {
        return op.original() != null
                ? "ops.dropConstraint(" + str(op.table()) + ", " + constraint(op.original()) + ");"
                : "ops.dropConstraint(" + str(op.table()) + ", " + str(op.name()) + ", " + op.type() + ");";
    }

    @Override
    public String addColumn(AddColumn op) {
        return "ops.addColumn(" + str(op.table()) + ", " + column(op.column()) + ");";
    }

    @Override
    public String alterColumn(AlterColumn op) {
        StringBuilder s = new StringBuilder("ops.alterColumn(")
                .append(str(op.table()))
                .append(", ")
                .append(str(op.column()))
                .append(", c -> c");
        if (op.type() != null) {
            s.append(".type(").append(type(op.type())).append(')');
        }
        if (op.nullable() != null) {
            s.append(".nullable(").append(op.nullable()).append(')');
        }
        if (op.serverDefault() != null) {
            s.append(op.serverDefault()
                    .map(d -> ".serverDefault(" + str(d) + ")")
                    .orElse(".dropServerDefault()"));
        }
        if (op.identity() != null) {
            s.append(".identity(").append(op.identity()).append(')');
        }
        if (op.newName() != null) {
            s.append(".rename(").append(str(op.newName())).append(')');
        }
        return s.append(");").toString();
    }

    @Override
    public String execute(Execute op) {
        return "ops.execute(" + str(op.sql()) + ");";
    }

    @Override
    public String createTable(CreateTable op) {
        return "ops.createTable(" + str(op.definition().name()) + ", ...);";
    }

    @Override
    public String dropTable(DropTable op) {
        return "ops.dropTable(" + str(op.table()) + ");";
    }

    @Override
    public String renameTable(RenameTable op) {
        return "ops.renameTable(" + str(op.table()) + ", " + str(op.newName()) + ");";
    }

    @Override
    public String dropColumn(DropColumn op) {
        return "ops.dropColumn(" + str(op.table()) + ", " + str(op.column()) + ");";
    }

    @Override
    public String createSequence(CreateSequence op) {
        return "ops.createSequence(sequence(" + str(op.sequence().name()) + "));";
    }

    @Override
    public String alterSequence(AlterSequence op) {
        return "ops.alterSequence(" + str(op.name()) + ", s -> s);";
    }

    @Override
    public String dropSequence(DropSequence op) {
        return "ops.dropSequence(" + str(op.name()) + ");";
    }

    @Override
    public String setTableComment(SetTableComment op) {
        return "ops.setTableComment(" + str(op.table()) + ", " + (op.comment() == null ? "null" : str(op.comment()))
                + ");";
    }

    @Override
    public String bulkInsert(BulkInsert op) {
        return "ops.bulkInsert(" + str(op.table()) + ", rows);";
    }

    static String index(Index i) {
        String args = List.of(i.name(), i.table()).stream().map(OpsCode::str).collect(Collectors.joining(", "))
                + i.columns().stream().map(c -> ", " + str(c)).collect(Collectors.joining());
        String s = (i.unique() ? "uniqueIndex(" : "index(") + args + ")";
        return i.where() == null ? s : s + ".where(" + str(i.where()) + ")";
    }

    static String constraint(Constraint c) {
        String name = c.name() == null ? "null" : str(c.name());
        String columns = c.columns().stream().map(col -> ", " + str(col)).collect(Collectors.joining());
        if (c instanceof PrimaryKey) {
            return "primaryKey(" + name + columns + ")";
        }
        if (c instanceof CheckConstraint ck) {
            return "check(" + name + ", " + str(ck.condition()) + ")";
        }
        if (c instanceof ForeignKey fk) {
            return "foreignKey(" + name + columns + ").references(" + str(fk.referencedTable())
                    + fk.referencedColumns().stream()
                            .map(col -> ", " + str(col))
                            .collect(Collectors.joining()) + ")"
                    + (fk.onDelete() == null ? "" : ".onDelete(" + fk.onDelete().name() + ")");
        }
        return "unique(" + name + columns + ")";
    }

    static String column(Column c) {
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
        return s.toString();
    }

    static String type(ColumnType t) {
        return switch (t.kind()) {
            case VARCHAR -> t.length() == null ? "varchar()" : "varchar(" + t.length() + ")";
            case CHAR -> "character(" + (t.length() == null ? 1 : t.length()) + ")";
            case DECIMAL ->
                t.precision() == null ? "rawType(\"numeric\")" : "decimal(" + t.precision() + ", " + t.scale() + ")";
            case RAW -> "rawType(" + str(t.raw()) + ")";
            default -> t.precision() == null ? t.kind().name() : "rawType(" + str(t.toString()) + ")";
        };
    }

    static String str(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
