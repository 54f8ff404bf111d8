package dev.migrations.ops;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Schema values as the {@code Dsl} calls that build them, and Java string literals. */
final class DslCode {

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
            case TINYINT, SMALLINT, INTEGER, BIGINT, BOOLEAN, TEXT, FLOAT, DOUBLE, DATE, UUID, BLOB, CLOB, JSON ->
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

    String alterations(AlterColumn a) {
        StringBuilder s = new StringBuilder();
        if (a.type() != null) {
            s.append(".type(").append(type(a.type()));
            if (a.using() != null) {
                s.append(", ").append(str(a.using()));
            }
            s.append(')');
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
