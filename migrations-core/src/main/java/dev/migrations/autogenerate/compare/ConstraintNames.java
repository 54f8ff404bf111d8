package dev.migrations.autogenerate.compare;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.Set;

/** Names for the constraints a generated file adds, so that its downgrade can drop them by name. */
final class ConstraintNames {

    private ConstraintNames() {}

    /**
     * PostgreSQL's own naming ({@code purchase_customer_id_fkey}, {@code customer_email_key},
     * {@code purchase_pkey}, {@code purchase_check}), numbered when the table already uses the name.
     */
    static String conventional(String table, Constraint c, Set<String> used, Table definition) {
        String base;
        if (c instanceof PrimaryKey) {
            base = table + "_pkey";
        } else if (c instanceof UniqueConstraint uq) {
            base = table + "_" + String.join("_", uq.columns()) + "_key";
        } else if (c instanceof ForeignKey fk) {
            base = table + "_" + String.join("_", fk.columns()) + "_fkey";
        } else {
            String column = onlyColumn(((CheckConstraint) c).condition(), definition);
            base = table + (column == null ? "" : "_" + column) + "_check";
        }
        String name = base;
        for (int i = 1; used.contains(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            name = base + i;
        }
        return name;
    }

    /** The one column of {@code table} a condition mentions, or null (PostgreSQL names such a check after it). */
    private static String onlyColumn(String condition, Table table) {
        Set<String> mentioned = new java.util.TreeSet<>();
        try {
            for (String token : ExpressionParser.tokenize(condition)) {
                String name = token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
                table.column(name.toLowerCase(java.util.Locale.ROOT)).ifPresent(col -> mentioned.add(col.name()));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return mentioned.size() == 1 ? mentioned.iterator().next() : null;
    }
}
