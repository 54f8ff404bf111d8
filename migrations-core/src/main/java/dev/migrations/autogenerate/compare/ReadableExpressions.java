package dev.migrations.autogenerate.compare;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Check conditions and defaults as a person writes them, where the catalog's canonical spelling
 * means the same: {@code ((status)::text = ANY ((ARRAY['A'::character varying])::text[]))} becomes
 * {@code status in ('A')}, {@code ((n >= 0) AND (n <= 2))} becomes {@code n between 0 and 2}, and
 * {@code 'new'::character varying} becomes {@code 'new'}. A database that canonicalizes stores the
 * readable text exactly as it stored the original one (the readable form is what the entities
 * wrote), so a downgrade that re-adds it restores the catalog byte for byte; a text with nothing to
 * simplify (SQLite keeps conditions as written) is left exactly as it is.
 */
public final class ReadableExpressions {

    private ReadableExpressions() {}

    /** Every check condition and default of {@code schema} in its readable form. */
    public static SchemaSnapshot of(SchemaSnapshot schema) {
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables()) {
            Set<String> texts = table.columns().stream()
                    .filter(c -> isText(c.type()))
                    .map(Column::name)
                    .collect(Collectors.toSet());
            List<Column> columns = table.columns().stream()
                    .map(c -> c.serverDefault() == null ? c : c.serverDefault(readable(c.serverDefault(), texts)))
                    .toList();
            List<Constraint> constraints = table.constraints().stream()
                    .map(c -> c instanceof CheckConstraint ck
                            ? new CheckConstraint(ck.name(), readable(ck.condition(), texts))
                            : c)
                    .toList();
            tables.add(new Table(table.schema(), table.name(), columns, constraints, table.indexes(), table.comment()));
        }
        return schema.withTables(tables);
    }

    /**
     * {@code expression} simplified, or unchanged when nothing in it is a canonical form's noise or
     * when it is outside the small grammar read here.
     *
     * @param textColumns the columns whose casts to text are their own type's
     */
    public static String readable(String expression, Set<String> textColumns) {
        try {
            ExpressionParser parser = new ExpressionParser(expression);
            ExpressionTree.Node tree = parser.parse();
            ExpressionTree.Simplifier simplifier = new ExpressionTree.Simplifier(textColumns);
            ExpressionTree.Node simple = simplifier.simplify(tree);
            return simplifier.changed() || parser.wrapped() ? ExpressionTree.print(simple) : expression;
        } catch (IllegalArgumentException e) {
            return expression;
        }
    }

    private static boolean isText(ColumnType type) {
        return switch (type.kind()) {
            case VARCHAR, CHAR, TEXT, CLOB -> true;
            default -> false;
        };
    }
}
