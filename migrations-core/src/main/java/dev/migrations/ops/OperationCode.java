package dev.migrations.ops;

import dev.migrations.schema.EnumType;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An operation as the Java statement a migration writes to ask for it, in the {@code Dsl} it
 * imports statically: what autogenerate writes into a revision and what the lint offers as a safe
 * form. One visitor, so an operation added later cannot be forgotten by either.
 */
public final class OperationCode implements OperationVisitor<String> {

    public static final OperationCode INSTANCE = new OperationCode();

    private static final DslCode DSL = new DslCode();

    private OperationCode() {}

    @Override
    public String createTable(CreateTable op) {
        return "ops.createTable(" + tableArguments(op.definition()) + ");";
    }

    @Override
    public String dropTable(DropTable op) {
        return op.original() == null
                ? "ops.dropTable(" + DSL.str(op.table()) + ");"
                : "ops.dropTable(table(" + tableArguments(op.original()) + "));";
    }

    @Override
    public String renameTable(RenameTable op) {
        return "ops.renameTable(" + DSL.str(op.table()) + ", " + DSL.str(op.newName()) + ");";
    }

    @Override
    public String addColumn(AddColumn op) {
        return ops(op.online()) + "addColumn(" + DSL.str(op.table()) + ", " + DSL.column(op.column()) + ");";
    }

    @Override
    public String dropColumn(DropColumn op) {
        return op.original() == null
                ? ops(op.online()) + "dropColumn(" + DSL.str(op.table()) + ", " + DSL.str(op.column()) + ");"
                : ops(op.online()) + "dropColumn(" + DSL.str(op.table()) + ", " + DSL.column(op.original()) + ");";
    }

    @Override
    public String alterColumn(AlterColumn op) {
        if (op.newName() != null && op.changesOnlyName()) {
            return ops(op.online()) + "renameColumn(" + DSL.str(op.table()) + ", " + DSL.str(op.column()) + ", "
                    + DSL.str(op.newName()) + ");";
        }
        return ops(op.online()) + "alterColumn(" + DSL.str(op.table()) + ", " + DSL.str(op.column()) + ", c -> c"
                + DSL.alterations(op) + ");";
    }

    @Override
    public String createIndex(CreateIndex op) {
        return ops(op.online()) + (op.concurrently() ? "createIndexConcurrently(" : "createIndex(")
                + DSL.index(op.index()) + ");";
    }

    @Override
    public String dropIndex(DropIndex op) {
        if (op.original() == null) {
            return ops(op.online()) + "dropIndex(" + DSL.str(op.name()) + ");";
        }
        return ops(op.online()) + (op.concurrently() ? "dropIndexConcurrently(" : "dropIndex(")
                + DSL.index(op.original()) + ");";
    }

    @Override
    public String addConstraint(AddConstraint op) {
        if (op.usingIndex() != null) {
            return "ops.addConstraintUsingIndex(" + DSL.str(op.table()) + ", " + DSL.constraint(op.constraint()) + ", "
                    + DSL.str(op.usingIndex()) + ");";
        }
        return (op.notValid() ? "ops.addConstraintNotValid(" : "ops.addConstraint(") + DSL.str(op.table()) + ", "
                + DSL.constraint(op.constraint()) + ");";
    }

    @Override
    public String validateConstraint(ValidateConstraint op) {
        return "ops.validateConstraint(" + DSL.str(op.table()) + ", " + DSL.str(op.name()) + ");";
    }

    @Override
    public String dropConstraint(DropConstraint op) {
        return op.original() != null
                ? "ops.dropConstraint(" + DSL.str(op.table()) + ", " + DSL.constraint(op.original()) + ");"
                : "ops.dropConstraint(" + DSL.str(op.table()) + ", " + DSL.str(op.name()) + ", Constraint.Type."
                        + op.type() + ");";
    }

    @Override
    public String createSequence(CreateSequence op) {
        return "ops.createSequence(" + sequence(op.sequence()) + ");";
    }

    @Override
    public String alterSequence(AlterSequence op) {
        return "ops.alterSequence(" + DSL.str(op.name()) + ", s -> s.increment(" + op.increment() + "L));";
    }

    @Override
    public String dropSequence(DropSequence op) {
        return op.original() == null
                ? "ops.dropSequence(" + DSL.str(op.name()) + ");"
                : "ops.dropSequence(" + sequence(op.original()) + ");";
    }

    @Override
    public String setTableComment(SetTableComment op) {
        return op.comment() == null
                ? "ops.dropTableComment(" + DSL.str(op.table()) + ");"
                : "ops.setTableComment(" + DSL.str(op.table()) + ", " + DSL.str(op.comment()) + ");";
    }

    @Override
    public String execute(Execute op) {
        return op.databases().isEmpty()
                ? "ops.execute(" + DSL.str(op.sql()) + ");"
                : "ops.executeOn(" + DSL.str(String.join(",", new java.util.TreeSet<>(op.databases()))) + ", "
                        + DSL.str(op.sql()) + ");";
    }

    /**
     * Rows of plain values as {@code List.of(Map.of("column", 1L, ...))} (the generated file then
     * imports both); rows holding anything else as a {@code rows} variable the author declares.
     */
    @Override
    public String bulkInsert(BulkInsert op) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : op.rows()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Object> cell : row.entrySet()) {
                String value = literal(cell.getValue());
                if (value == null || row.size() > 10) {
                    return "ops.bulkInsert(" + DSL.str(op.table()) + ", rows);";
                }
                parts.add(DSL.str(cell.getKey()));
                parts.add(value);
            }
            rows.add("Map.of(" + String.join(", ", parts) + ")");
        }
        return "ops.bulkInsert(" + DSL.str(op.table()) + ", List.of(" + String.join(", ", rows) + "));";
    }

    private static String literal(Object value) {
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return "new java.math.BigDecimal(" + DSL.str(d.toPlainString()) + ")";
        }
        return value instanceof String s ? DSL.str(s) : null;
    }

    /** {@code ops.}, or {@code ops.online(...).} for an operation with an ALGORITHM/LOCK request. */
    private static String ops(OnlineDdl request) {
        if (request == null) {
            return "ops.";
        }
        String type = "dev.migrations.ops.OnlineDdl.";
        return "ops.online(" + type + "Algorithm." + request.algorithm() + ", " + type + "Lock." + request.lock()
                + ").";
    }

    @Override
    public String enumType(EnumTypeOperation op) {
        if (op instanceof CreateEnumType c) {
            return "ops.createEnumType(" + enumArguments(c.type()) + ");";
        }
        if (op instanceof DropEnumType d) {
            return d.original() == null
                    ? "ops.dropEnumType(" + DSL.str(d.name()) + ");"
                    : "ops.dropEnumType(enumType(" + enumArguments(d.original()) + "));";
        }
        if (op instanceof AddEnumValue a) {
            String args = DSL.str(a.name()) + ", " + DSL.str(a.value());
            if (a.before() != null) {
                return "ops.addEnumValueBefore(" + args + ", " + DSL.str(a.before()) + ");";
            }
            return a.after() != null
                    ? "ops.addEnumValueAfter(" + args + ", " + DSL.str(a.after()) + ");"
                    : "ops.addEnumValue(" + args + ");";
        }
        if (op instanceof DropEnumValue d) {
            return "ops.dropEnumValue(" + DSL.str(d.name()) + ", " + DSL.str(d.value()) + ");";
        }
        RenameEnumType r = (RenameEnumType) op;
        return "ops.renameEnumType(" + DSL.str(r.name()) + ", " + DSL.str(r.newName()) + ");";
    }

    private static String enumArguments(EnumType type) {
        List<String> parts = new ArrayList<>();
        parts.add(DSL.str(type.name()));
        type.values().forEach(v -> parts.add(DSL.str(v)));
        return String.join(", ", parts);
    }

    private static String tableArguments(Table table) {
        List<String> parts = new ArrayList<>();
        parts.add(DSL.str(table.name()));
        table.columns().forEach(c -> parts.add(DSL.column(c)));
        table.constraints().forEach(c -> parts.add(DSL.constraint(c)));
        table.indexes().forEach(i -> parts.add(DSL.index(i)));
        return String.join(",\n        ", parts);
    }

    private static String sequence(Sequence q) {
        StringBuilder s =
                new StringBuilder("sequence(").append(DSL.str(q.name())).append(')');
        if (q.start() != null) {
            s.append(".start(").append(q.start()).append("L)");
        }
        if (q.increment() != null) {
            s.append(".increment(").append(q.increment()).append("L)");
        }
        return s.toString();
    }
}
