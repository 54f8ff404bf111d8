package dev.migrations.platform.sqlite;

import dev.migrations.platform.SchemaInspector;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite through {@code sqlite_schema} and the table pragmas, by the same reader the table rebuild
 * uses. SQLite runs in the process, so its per-table pragmas cost microseconds, not round trips.
 * Declared types are read case-blind; an {@code INTEGER PRIMARY KEY} is the rowid, and so an
 * identity column, with or without {@code AUTOINCREMENT}. SQLite has no sequences and no comments.
 */
final class SqliteInspector implements SchemaInspector {

    @Override
    public SchemaSnapshot inspect(Connection connection, String schema, Set<String> excludedTables)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                + " ORDER BY name")) {
            while (rs.next()) {
                if (!excludedTables.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        }
        SqliteSchemaReader reader = new SqliteSchemaReader();
        Names spelled = new Names(quotedNames(connection));
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(normalized(spelled.of(reader.read(connection, name).table())));
        }
        return new SchemaSnapshot(tables, List.<Sequence>of());
    }

    /**
     * The names the schema's DDL quotes with upper-case letters in them, by their lower-case form:
     * SQLite keeps the case a quoted name was given (a mapping to {@code "OrderLine"} must stay
     * {@code OrderLine}), while an unquoted name compares case-blind.
     */
    private static Map<String, String> quotedNames(Connection connection) throws SQLException {
        Map<String, String> quoted = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL")) {
            while (rs.next()) {
                for (SqlTokens.Token token : SqlTokens.tokenize(rs.getString(1))) {
                    String name = token.name();
                    if (token.kind() == SqlTokens.Kind.QUOTED && !name.equals(name.toLowerCase(Locale.ROOT))) {
                        quoted.put(name.toLowerCase(Locale.ROOT), name);
                    }
                }
            }
        }
        return quoted;
    }

    private static Table normalized(Table table) {
        Optional<PrimaryKey> pk = table.primaryKey();
        String rowid = pk.isPresent() && pk.get().columns().size() == 1
                ? pk.get().columns().get(0)
                : null;
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            String declared =
                    c.type().kind() == ColumnType.Kind.RAW ? c.type().raw().toUpperCase(Locale.ROOT) : null;
            Column column = declared == null ? c : c.type(SqliteTypes.of(declared));
            if (c.name().equals(rowid) && "INTEGER".equals(declared) && !column.isIdentity()) {
                column = column.identity();
            }
            columns.add(column);
        }
        List<Constraint> constraints = table.constraints().stream()
                .map(c -> c instanceof CheckConstraint ck ? new CheckConstraint(ck.name(), bare(ck.condition())) : c)
                .toList();
        return new Table(table.schema(), table.name(), columns, constraints, table.indexes(), table.comment());
    }

    /**
     * SQLite keeps a CHECK's text as written, so {@code ((a > 0))} and {@code a > 0} must read the
     * same: redundant outer parentheses and runs of white space go.
     */
    static String bare(String condition) {
        String c = condition.strip().replaceAll("\\s+", " ");
        while (c.startsWith("(") && c.endsWith(")") && closes(c) == c.length() - 1) {
            c = c.substring(1, c.length() - 1).strip();
        }
        return c;
    }

    /** The index of the parenthesis that closes the one at 0, skipping quoted text. */
    private static int closes(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
