package dev.migrations.platform.mysql;

import static dev.migrations.platform.CatalogQuery.query;

import dev.migrations.platform.SchemaInspector;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Five {@code information_schema} queries per database (two more for MariaDB's sequences), whatever the number of tables. A unique
 * index is a unique constraint here (the servers do not tell them apart); the index a server adds
 * for a foreign key that no other index covers (named after the key) is the key's own and left out,
 * so autogenerate neither reports nor drops it; MariaDB's JSON (a LONGTEXT with a {@code json_valid}
 * check named after the column) reads as JSON without that check.
 */
final class MysqlInspector implements SchemaInspector {

    private static final String IN = " = COALESCE(?, DATABASE())";

    private static final String TABLES = "SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA" + IN + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";

    private static final String MARIADB_CHECKS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE"
            + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA" + IN
            + " ORDER BY TABLE_NAME, CONSTRAINT_NAME";

    private static final String MYSQL_CHECKS = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
            + " FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc"
            + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.CONSTRAINT_SCHEMA" + IN + " AND tc.CONSTRAINT_TYPE = 'CHECK'"
            + " ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME";

    private static final String COLUMNS =
            MysqlColumns.SELECT + " WHERE TABLE_SCHEMA" + IN + " ORDER BY TABLE_NAME, ORDINAL_POSITION";

    private static final String KEYS = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,"
            + " k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE,"
            + " r.DELETE_RULE, tc.TABLE_SCHEMA FROM information_schema.TABLE_CONSTRAINTS tc"
            + " JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + "   AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + "   AND r.TABLE_NAME = tc.TABLE_NAME AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.CONSTRAINT_SCHEMA" + IN
            + " AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
            + " ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, COLLATION, SUB_PART"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA" + IN + " AND NON_UNIQUE = 1"
            + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

    private static final String SEQUENCES = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA" + IN
            + " AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME";

    private static final Pattern JSON_CHECK = Pattern.compile("json_valid\\(`?([^`)]+)`?\\)");

    @Override
    public SchemaSnapshot inspect(Connection connection, String schema, Set<String> excludedTables)
            throws SQLException {
        Flavour flavour = Flavour.of(connection);
        Map<String, Parts> tables = new LinkedHashMap<>();
        query(connection, TABLES, schema, rs -> {
            if (!excludedTables.contains(rs.getString(1))) {
                String comment = rs.getString(2);
                tables.put(rs.getString(1), new Parts(comment == null || comment.isEmpty() ? null : comment));
            }
        });
        query(connection, flavour == Flavour.MARIADB ? MARIADB_CHECKS : MYSQL_CHECKS, schema, rs -> {
            Parts t = tables.get(rs.getString(1));
            if (t == null) {
                return;
            }
            String clause = rs.getString(3).strip();
            Matcher json = JSON_CHECK.matcher(clause);
            if (json.matches() && json.group(1).equals(rs.getString(2))) {
                t.jsonColumns.add(json.group(1));
            } else {
                t.constraints.add(new CheckConstraint(rs.getString(2), unwrap(clause)));
            }
        });
        query(connection, COLUMNS, schema, rs -> {
            Parts t = tables.get(rs.getString(1));
            if (t != null) {
                t.columns.add(MysqlColumns.of(rs, flavour, t.jsonColumns.contains(rs.getString(2))));
            }
        });
        keys(connection, schema, tables);
        indexes(connection, schema, tables);
        List<Table> result = new ArrayList<>();
        tables.forEach((name, t) -> result.add(new Table(null, name, t.columns, t.constraints, t.indexes, t.comment)));
        return new SchemaSnapshot(result, flavour == Flavour.MARIADB ? sequences(connection, schema) : List.of());
    }

    /** MariaDB's sequences: their names, then all their settings in one UNION query. */
    private static List<Sequence> sequences(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        query(connection, SEQUENCES, schema, rs -> names.add(rs.getString(1)));
        List<Sequence> out = new ArrayList<>();
        if (names.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder();
        for (String name : names) {
            sql.append(sql.length() == 0 ? "" : " UNION ALL ")
                    .append("SELECT ? AS n, start_value, increment, minimum_value, maximum_value, cycle_option,")
                    .append(" cache_size FROM ")
                    .append(schema == null ? "" : "`" + schema.replace("`", "``") + "`.")
                    .append('`')
                    .append(name.replace("`", "``"))
                    .append('`');
        }
        try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < names.size(); i++) {
                s.setString(i + 1, names.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sequence(
                            null,
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getBoolean(6),
                            rs.getLong(7)));
                }
            }
        }
        return out;
    }

    private static void keys(Connection connection, String schema, Map<String, Parts> tables) throws SQLException {
        Map<String, KeyRows> keys = new LinkedHashMap<>();
        query(connection, KEYS, schema, rs -> {
            if (tables.containsKey(rs.getString(1))) {
                keys.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new KeyRows(rs))
                        .add(rs);
            }
        });
        for (KeyRows k : keys.values()) {
            Parts t = tables.get(k.table);
            t.constraints.add(k.constraint());
            if (k.type.equals("FOREIGN KEY")) {
                t.foreignKeys.add(k.name);
                t.foreignKeyColumns.add(k.columns);
            }
        }
    }

    private static void indexes(Connection connection, String schema, Map<String, Parts> tables) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<String>> plainColumns = new LinkedHashMap<>();
        query(connection, INDEXES, schema, rs -> {
            Parts t = tables.get(rs.getString(1));
            if (t == null || t.foreignKeys.contains(rs.getString(2))) {
                return; // the implicit index of a named foreign key is named after it and belongs to it
            }
            plainColumns
                    .computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                    .add(rs.getString(3));
            String entry = rs.getString(3) == null ? "(expression)" : rs.getString(3);
            if (rs.getObject(5) != null) {
                entry = entry + "(" + rs.getInt(5) + ")";
            }
            if ("D".equals(rs.getString(4))) {
                entry = entry + " desc";
            }
            columns.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                    .add(entry);
        });
        columns.forEach((key, entries) -> {
            String[] parts = key.split("\u0000", 2);
            Parts t = tables.get(parts[0]);
            if (!implicit(parts[1], plainColumns.get(key), t)) {
                t.indexes.add(new Index(parts[1], null, parts[0], entries, false, null));
            }
        });
    }

    /**
     * The index the server made for a foreign key it named itself: on the key's columns exactly,
     * named after the first of them ({@code customer_id}, or {@code customer_id_2} when taken).
     */
    private static boolean implicit(String name, List<String> columns, Parts t) {
        return t.foreignKeyColumns.contains(columns)
                && (name.equals(columns.get(0))
                        || name.matches(java.util.regex.Pattern.quote(columns.get(0)) + "_\\d+"));
    }

    /** {@code (`price` >= 0)} as MySQL keeps it → {@code `price` >= 0}, as MariaDB keeps it. */
    private static String unwrap(String clause) {
        String c = clause.strip();
        while (c.startsWith("(") && c.endsWith(")") && balanced(c.substring(1, c.length() - 1))) {
            c = c.substring(1, c.length() - 1).strip();
        }
        return c;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char ch : s.toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The rows of one key constraint, one per column. */
    private static final class KeyRows {
        final String table;
        final String name;
        final String type;
        final String referencedSchema;
        final String referencedTable;
        final String ownSchema;
        final String updateRule;
        final String deleteRule;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();

        KeyRows(ResultSet rs) {
            try {
                table = rs.getString(1);
                name = rs.getString(2);
                type = rs.getString(3);
                referencedSchema = rs.getString(5);
                referencedTable = rs.getString(6);
                updateRule = rs.getString(8);
                deleteRule = rs.getString(9);
                ownSchema = rs.getString(10);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(ResultSet rs) throws SQLException {
            columns.add(rs.getString(4));
            if (rs.getString(7) != null) {
                referencedColumns.add(rs.getString(7));
            }
        }

        Constraint constraint() {
            return switch (type) {
                case "PRIMARY KEY" -> new PrimaryKey(null, columns);
                case "UNIQUE" -> new UniqueConstraint(name, columns);
                default ->
                    new ForeignKey(
                            name,
                            columns,
                            referencedSchema == null || referencedSchema.equals(ownSchema) ? null : referencedSchema,
                            referencedTable,
                            referencedColumns,
                            action(deleteRule),
                            action(updateRule),
                            false,
                            false);
            };
        }
    }

    /** RESTRICT and NO ACTION are the same here, and the default: read as no action given. */
    private static ReferentialAction action(String rule) {
        return switch (rule == null ? "" : rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> null;
        };
    }

    private static final class Parts {
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final Set<String> jsonColumns = new HashSet<>();
        final Set<String> foreignKeys = new HashSet<>();
        final List<List<String>> foreignKeyColumns = new ArrayList<>();

        Parts(String comment) {
            this.comment = comment;
        }
    }
}
