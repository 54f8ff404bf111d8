package dev.migrations.platform.sqlite;

import dev.migrations.platform.sqlite.SqlTokens.Kind;
import dev.migrations.platform.sqlite.SqlTokens.Token;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a SQLite table back into a {@link Table}: columns, keys and indexes from the pragmas, and
 * what the pragmas leave out (constraint names, CHECK conditions, deferrable keys, partial-index
 * conditions) from the DDL stored in {@code sqlite_master}.
 */
final class SqliteSchemaReader {

    /** A table as stored: its definition and the triggers to recreate after a rebuild. */
    record StoredTable(Table table, List<String> triggers) {}

    private final SqliteSql dialect = new SqliteSql();

    StoredTable read(Connection connection, String name) throws SQLException {
        String sql = masterSql(connection, "table", name);
        if (sql == null) {
            throw new IllegalArgumentException("SQLite has no table " + name);
        }
        ParsedTable parsed = parseTable(sql);
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, String> pkColumns = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_xinfo(" + dialect.quote(name) + ")")) {
            while (rs.next()) {
                String column = rs.getString("name");
                if (rs.getInt("hidden") != 0) {
                    throw new UnsupportedOperationException("Table " + name + " has generated column " + column
                            + "; rebuilding tables with generated columns is not supported yet");
                }
                String declared = rs.getString("type");
                ColumnType type = ColumnType.raw(declared == null || declared.isBlank() ? "BLOB" : declared);
                int pk = rs.getInt("pk");
                if (pk > 0) {
                    pkColumns.put(pk, column);
                }
                columns.add(new Column(
                        column,
                        type,
                        rs.getInt("notnull") == 0,
                        rs.getString("dflt_value"),
                        false,
                        false,
                        false,
                        null,
                        null));
            }
        }
        List<Constraint> constraints = new ArrayList<>();
        if (!pkColumns.isEmpty()) {
            List<String> pk = List.copyOf(pkColumns.values());
            constraints.add(new PrimaryKey(parsed.pkName, pk));
            if (parsed.autoincrement && pk.size() == 1) {
                columns.replaceAll(c -> c.name().equals(pk.get(0)) ? c.identity() : c);
            }
        }
        List<Index> indexes = new ArrayList<>();
        readIndexes(connection, name, parsed, constraints, indexes);
        constraints.addAll(readForeignKeys(connection, name, parsed));
        constraints.addAll(parsed.checks);
        return new StoredTable(new Table(null, name, columns, constraints, indexes, null), triggers(connection, name));
    }

    private void readIndexes(
            Connection connection, String table, ParsedTable parsed, List<Constraint> constraints, List<Index> indexes)
            throws SQLException {
        List<String[]> list = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA index_list(" + dialect.quote(table) + ")")) {
            while (rs.next()) {
                list.add(new String[] {rs.getString("name"), rs.getString("origin")});
            }
        }
        for (String[] entry : list) {
            if (entry[1].equals("u")) {
                List<String> columns = indexColumns(connection, entry[0]);
                constraints.add(new UniqueConstraint(parsed.uniqueNames.get(columns), columns));
            } else if (entry[1].equals("c")) {
                indexes.add(parseIndex(masterSql(connection, "index", entry[0]), entry[0], table));
            }
        }
        // SQLite lists indexes newest first; recreate them in the order they were made.
        java.util.Collections.reverse(indexes);
    }

    private List<String> indexColumns(Connection connection, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA index_info(" + dialect.quote(index) + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        return columns;
    }

    private List<ForeignKey> readForeignKeys(Connection connection, String table, ParsedTable parsed)
            throws SQLException {
        Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(" + dialect.quote(table) + ")")) {
            while (rs.next()) {
                rows.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {
                    rs.getString("table"),
                    rs.getString("from"),
                    rs.getString("to"),
                    rs.getString("on_delete"),
                    rs.getString("on_update")
                });
            }
        }
        // The pragma lists keys last-declared first; match them to the declarations in order.
        List<List<String[]>> declared = new ArrayList<>(rows.values());
        java.util.Collections.reverse(declared);
        List<ForeignKey> keys = new ArrayList<>();
        for (List<String[]> key : declared) {
            String referenced = key.get(0)[0];
            List<String> from = key.stream().map(r -> r[1]).toList();
            List<String> to = key.stream().map(r -> r[2]).toList();
            if (to.contains(null)) {
                to = primaryKeyOf(connection, referenced);
            }
            ParsedKey p = parsed.takeForeignKey(from, referenced);
            keys.add(new ForeignKey(
                    p.name,
                    from,
                    null,
                    referenced,
                    to,
                    action(key.get(0)[3]),
                    action(key.get(0)[4]),
                    p.deferrable,
                    p.initiallyDeferred));
        }
        return keys;
    }

    private List<String> primaryKeyOf(Connection connection, String table) throws SQLException {
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + dialect.quote(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    pk.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
        }
        return List.copyOf(pk.values());
    }

    private static ReferentialAction action(String text) {
        return text == null || text.equalsIgnoreCase("NO ACTION") || text.equalsIgnoreCase("NONE")
                ? null
                : ReferentialAction.parse(text);
    }

    private List<String> triggers(Connection connection, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String masterSql(Connection connection, String type, String name) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?")) {
            ps.setString(1, type);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    // ---------------------------------------------------------------- parsing stored DDL

    private record ParsedKey(
            String name, List<String> columns, String referencedTable, boolean deferrable, boolean initiallyDeferred) {}

    private static final class ParsedTable {
        String pkName;
        boolean autoincrement;
        final Map<List<String>, String> uniqueNames = new HashMap<>();
        final List<ParsedKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        /** The declared key over these columns to that table; two such keys are taken in order. */
        ParsedKey takeForeignKey(List<String> columns, String referencedTable) {
            for (int i = 0; i < foreignKeys.size(); i++) {
                ParsedKey k = foreignKeys.get(i);
                if (k.columns().equals(columns) && k.referencedTable().equalsIgnoreCase(referencedTable)) {
                    return foreignKeys.remove(i);
                }
            }
            return new ParsedKey(null, columns, referencedTable, false, false);
        }
    }

    static ParsedTable parseTable(String sql) {
        ParsedTable parsed = new ParsedTable();
        Token body = SqlTokens.tokenize(sql).stream()
                .filter(t -> t.kind() == Kind.GROUP)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot read table definition: " + sql));
        for (String element : SqlTokens.splitTopLevel(body.inner())) {
            List<Token> tokens = SqlTokens.tokenize(element);
            Token first = tokens.get(0);
            boolean tableConstraint = first.kind() == Kind.WORD
                    && (first.is("CONSTRAINT")
                            || first.is("PRIMARY")
                            || first.is("UNIQUE")
                            || first.is("CHECK")
                            || first.is("FOREIGN"));
            String column = tableConstraint ? null : first.name();
            readConstraints(parsed, tokens, tableConstraint ? 0 : 1, column);
        }
        return parsed;
    }

    /** Walks the constraint clauses of a column definition or table constraint. */
    private static void readConstraints(ParsedTable parsed, List<Token> tokens, int from, String column) {
        String name = null;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("CONSTRAINT") && i + 1 < tokens.size()) {
                name = tokens.get(++i).name();
            } else if (t.is("PRIMARY")) {
                parsed.pkName = name;
                name = null;
            } else if (t.is("AUTOINCREMENT")) {
                parsed.autoincrement = true;
            } else if (t.is("UNIQUE")) {
                List<String> columns = column != null ? List.of(column) : groupNames(tokens, i + 1);
                parsed.uniqueNames.put(columns, name);
                name = null;
            } else if (t.is("CHECK")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind() == Kind.GROUP) {
                parsed.checks.add(new CheckConstraint(name, tokens.get(++i).inner()));
                name = null;
            } else if (t.is("FOREIGN") || (t.is("REFERENCES") && column != null)) {
                List<String> columns = column != null ? List.of(column) : groupNames(tokens, i + 2);
                int references = SqlTokens.indexOfWord(tokens, "REFERENCES", i);
                String referenced = references >= 0 && references + 1 < tokens.size()
                        ? tokens.get(references + 1).name()
                        : "";
                int deferrable = SqlTokens.indexOfWord(tokens, "DEFERRABLE", i);
                boolean isDeferrable =
                        deferrable > 0 && !tokens.get(deferrable - 1).is("NOT");
                boolean initially = isDeferrable
                        && deferrable + 2 < tokens.size()
                        && tokens.get(deferrable + 2).is("DEFERRED");
                parsed.foreignKeys.add(new ParsedKey(name, columns, referenced, isDeferrable, initially));
                name = null;
                if (column == null) {
                    return;
                }
            }
        }
    }

    private static List<String> groupNames(List<Token> tokens, int index) {
        if (index >= tokens.size() || tokens.get(index).kind() != Kind.GROUP) {
            return List.of();
        }
        return SqlTokens.splitTopLevel(tokens.get(index).inner()).stream()
                .map(e -> SqlTokens.tokenize(e).get(0).name())
                .toList();
    }

    /** Reads {@code CREATE [UNIQUE] INDEX name ON table (entries) [WHERE condition]}. */
    static Index parseIndex(String sql, String name, String table) {
        List<Token> tokens = SqlTokens.tokenize(sql);
        boolean unique = tokens.size() > 1 && tokens.get(1).is("UNIQUE");
        int on = SqlTokens.indexOfWord(tokens, "ON", 0);
        Token group = tokens.get(on + 2);
        List<String> entries = new ArrayList<>();
        for (String entry : SqlTokens.splitTopLevel(group.inner())) {
            List<Token> parts = SqlTokens.tokenize(entry);
            Token head = parts.get(0);
            boolean plainColumn = (head.kind() == Kind.WORD || head.kind() == Kind.QUOTED)
                    && (parts.size() == 1
                            || (parts.size() == 2
                                    && (parts.get(1).is("ASC") || parts.get(1).is("DESC"))));
            if (plainColumn) {
                entries.add(head.name()
                        + (parts.size() == 2
                                ? " " + SqlTokens.upper(parts.get(1).text())
                                : ""));
            } else {
                entries.add("(" + entry + ")");
            }
        }
        int where = SqlTokens.indexOfWord(tokens, "WHERE", on);
        String condition =
                where < 0 ? null : sql.substring(tokens.get(where).end()).strip();
        return new Index(name, null, table, entries, unique, condition);
    }
}
