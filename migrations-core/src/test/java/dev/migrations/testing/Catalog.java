package dev.migrations.testing;

import dev.migrations.testing.TestDatabases.Kind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What a database's catalog says about the user's tables, read through JDBC metadata and the
 * database's own catalog views (never from the SQL the engine sent). Names are normalised as a
 * reader would see them (H2's upper-cased unquoted names in lower case) and names the database
 * generated are masked, so two reads compare equal exactly when the schemas are the same.
 */
public record Catalog(Map<String, TableInfo> tables, TreeSet<String> sequences) {

    public record ColumnInfo(
            String type, boolean nullable, String defaultValue, boolean autoIncrement, String comment) {}

    public record TableInfo(
            String comment,
            Map<String, ColumnInfo> columns,
            String primaryKey,
            TreeSet<String> foreignKeys,
            TreeSet<String> indexes,
            TreeSet<String> uniques,
            TreeSet<String> checks) {}

    public TableInfo table(String name) {
        TableInfo t = tables.get(name);
        if (t == null) {
            throw new AssertionError("No table " + name + " in " + tables.keySet());
        }
        return t;
    }

    public ColumnInfo column(String table, String column) {
        ColumnInfo c = table(table).columns().get(column);
        if (c == null) {
            throw new AssertionError("No column " + table + "." + column + " in "
                    + table(table).columns().keySet());
        }
        return c;
    }

    public static Catalog read(TestDatabases.TestDatabase db) throws SQLException {
        return read(db.dataSource(), db.kind());
    }

    public static Catalog read(DataSource dataSource, Kind kind) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new Reader(c, kind).read();
        }
    }

    private static final class Reader {
        private final Connection c;
        private final Kind kind;
        private final DatabaseMetaData meta;
        private final String schema;
        /** MariaDB's driver lists a database as a catalog. */
        private final String catalog;

        Reader(Connection c, Kind kind) throws SQLException {
            this.c = c;
            this.kind = kind;
            this.meta = c.getMetaData();
            this.schema = switch (kind) {
                case POSTGRESQL -> c.getSchema();
                case H2 -> "PUBLIC";
                case SQLITE, MARIADB -> null;
            };
            this.catalog = kind == Kind.MARIADB ? c.getCatalog() : null;
        }

        Catalog read() throws SQLException {
            Map<String, String> stored = new TreeMap<>();
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.toLowerCase(Locale.ROOT).startsWith("migrations_") && !name.startsWith("sqlite_")) {
                        stored.put(name, rs.getString("REMARKS"));
                    }
                }
            }
            Map<String, TableInfo> tables = new TreeMap<>();
            for (Map.Entry<String, String> e : stored.entrySet()) {
                tables.put(norm(e.getKey()), table(e.getKey(), e.getValue()));
            }
            return new Catalog(tables, sequences());
        }

        private TableInfo table(String name, String remarks) throws SQLException {
            Map<String, ColumnInfo> columns = new LinkedHashMap<>();
            try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
                while (rs.next()) {
                    String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                    int size = rs.getInt("COLUMN_SIZE");
                    String def = rs.getString("COLUMN_DEF");
                    if (kind == Kind.MARIADB && "NULL".equals(def)) {
                        def = null; // MariaDB's spelling of "no default"
                    }
                    boolean auto = "YES".equals(rs.getString("IS_AUTOINCREMENT"));
                    if (kind == Kind.POSTGRESQL && def != null && def.startsWith("nextval(")) {
                        auto = true;
                    }
                    columns.put(
                            norm(rs.getString("COLUMN_NAME")),
                            new ColumnInfo(
                                    type + "(" + size + ")",
                                    rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable,
                                    def,
                                    auto,
                                    emptyToNull(rs.getString("REMARKS"))));
                }
            }
            return new TableInfo(
                    emptyToNull(remarks),
                    columns,
                    primaryKey(name),
                    foreignKeys(name),
                    indexes(name),
                    uniques(name),
                    checks(name));
        }

        private String primaryKey(String table) throws SQLException {
            TreeMap<Integer, String> cols = new TreeMap<>();
            String pkName = null;
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
                while (rs.next()) {
                    cols.put(rs.getInt("KEY_SEQ"), norm(rs.getString("COLUMN_NAME")));
                    pkName = rs.getString("PK_NAME");
                }
            }
            return cols.isEmpty() ? null : mask(pkName) + cols.values();
        }

        private TreeSet<String> foreignKeys(String table) throws SQLException {
            Map<String, List<String[]>> keys = new TreeMap<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    String name = rs.getString("FK_NAME");
                    String key = (name == null || name.isEmpty() ? "" : mask(name)) + "->"
                            + norm(rs.getString("PKTABLE_NAME")) + " del=" + rule(rs.getShort("DELETE_RULE"))
                            + " upd=" + rule(rs.getShort("UPDATE_RULE")) + " defer=" + rs.getShort("DEFERRABILITY");
                    keys.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new String[] {norm(rs.getString("FKCOLUMN_NAME")), norm(rs.getString("PKCOLUMN_NAME"))
                            });
                }
            }
            TreeSet<String> out = new TreeSet<>();
            keys.forEach((k, cols) ->
                    out.add(k + " " + cols.stream().map(p -> p[0] + ">" + p[1]).toList()));
            return out;
        }

        private static String rule(short rule) {
            return switch (rule) {
                case DatabaseMetaData.importedKeyCascade -> "cascade";
                case DatabaseMetaData.importedKeySetNull -> "set null";
                case DatabaseMetaData.importedKeySetDefault -> "set default";
                case DatabaseMetaData.importedKeyRestrict -> "restrict";
                default -> "no action";
            };
        }

        private TreeSet<String> indexes(String table) throws SQLException {
            Map<String, TreeMap<Integer, String>> indexes = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    // H2 makes and drops indexes behind its constraints as it sees fit; the constraints
                    // themselves are compared.
                    if (name == null || (kind == Kind.H2 && mask(name).equals("<generated>"))) {
                        continue;
                    }
                    String column = rs.getString("COLUMN_NAME");
                    String order = "D".equals(rs.getString("ASC_OR_DESC")) ? " desc" : "";
                    indexes.computeIfAbsent(name, k -> new TreeMap<>())
                            .put(
                                    (int) rs.getShort("ORDINAL_POSITION"),
                                    (column == null ? "expr" : norm(column)) + order);
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            TreeSet<String> out = new TreeSet<>();
            for (Map.Entry<String, TreeMap<Integer, String>> e : indexes.entrySet()) {
                String name = e.getKey();
                List<String> columns = kind == Kind.SQLITE
                        ? sqliteIndexColumns(name)
                        : new ArrayList<>(e.getValue().values());
                out.add(mask(name) + (unique.get(name) ? " unique " : " ") + columns + partialCondition(table, name));
            }
            return out;
        }

        /** sqlite-jdbc does not report descending columns; the pragma does. */
        private List<String> sqliteIndexColumns(String index) throws SQLException {
            List<String> out = new ArrayList<>();
            try (var ps =
                    c.prepareStatement("SELECT name, desc FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno")) {
                ps.setString(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add((rs.getString(1) == null ? "expr" : rs.getString(1))
                                + (rs.getInt(2) == 1 ? " desc" : ""));
                    }
                }
            }
            return out;
        }

        /** The WHERE of a partial index, which JDBC metadata does not report. */
        private String partialCondition(String table, String index) throws SQLException {
            String sql = switch (kind) {
                case POSTGRESQL ->
                    "SELECT pg_get_expr(ix.indpred, ix.indrelid) FROM pg_index ix JOIN pg_class i"
                            + " ON i.oid = ix.indexrelid WHERE i.relname = ? AND i.relnamespace = current_schema()::regnamespace";
                case SQLITE -> "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?";
                case H2, MARIADB -> null;
            };
            if (sql == null) {
                return "";
            }
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    String text = rs.next() ? rs.getString(1) : null;
                    if (text == null) {
                        return "";
                    }
                    if (kind == Kind.SQLITE) {
                        int where = text.toUpperCase(Locale.ROOT).lastIndexOf(" WHERE ");
                        return where < 0
                                ? ""
                                : " where " + text.substring(where + 7).strip();
                    }
                    return " where " + text;
                }
            }
        }

        private TreeSet<String> uniques(String table) throws SQLException {
            String sql = switch (kind) {
                case POSTGRESQL ->
                    "SELECT co.conname, pg_get_constraintdef(co.oid) FROM pg_constraint co JOIN pg_class t"
                            + " ON t.oid = co.conrelid WHERE co.contype = 'u' AND t.relname = ?"
                            + " AND t.relnamespace = current_schema()::regnamespace";
                case H2 ->
                    "SELECT tc.CONSTRAINT_NAME, (SELECT LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY"
                            + " k.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_NAME ="
                            + " tc.CONSTRAINT_NAME AND k.TABLE_SCHEMA = tc.TABLE_SCHEMA) FROM"
                            + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc WHERE tc.CONSTRAINT_TYPE = 'UNIQUE'"
                            + " AND tc.TABLE_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME = ?";
                case MARIADB ->
                    "SELECT tc.CONSTRAINT_NAME, (SELECT GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION)"
                            + " FROM information_schema.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                            + " AND k.TABLE_SCHEMA = tc.TABLE_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME)"
                            + " FROM information_schema.TABLE_CONSTRAINTS tc WHERE tc.CONSTRAINT_TYPE = 'UNIQUE'"
                            + " AND tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = ?";
                case SQLITE ->
                    "SELECT il.name, (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii)"
                            + " FROM pragma_index_list(?) il WHERE il.origin = 'u'";
            };
            TreeSet<String> out = new TreeSet<>();
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mask(rs.getString(1)) + " " + normList(rs.getString(2)));
                    }
                }
            }
            if (kind == Kind.SQLITE) {
                // SQLite keeps a unique constraint's name only in the table's DDL.
                String ddl = tableSql(table);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)CONSTRAINT\\s+\"?(\\w+)\"?\\s+UNIQUE")
                        .matcher(ddl);
                while (m.find()) {
                    out.add("named " + m.group(1));
                }
            }
            return out;
        }

        private TreeSet<String> checks(String table) throws SQLException {
            TreeSet<String> out = new TreeSet<>();
            if (kind == Kind.SQLITE) {
                String ddl = tableSql(table);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "(?i)(?:CONSTRAINT\\s+\"?(\\w+)\"?\\s+)?CHECK\\s*\\(")
                        .matcher(ddl);
                while (m.find()) {
                    int depth = 1;
                    int i = m.end();
                    while (i < ddl.length() && depth > 0) {
                        char ch = ddl.charAt(i++);
                        depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                    }
                    out.add((m.group(1) == null ? "" : m.group(1)) + ": "
                            + ddl.substring(m.end(), i - 1).strip());
                }
                return out;
            }
            String sql = kind == Kind.MARIADB
                    ? "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                            + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ?"
                    : kind == Kind.POSTGRESQL
                            ? "SELECT co.conname, pg_get_constraintdef(co.oid) FROM pg_constraint co JOIN pg_class t"
                                    + " ON t.oid = co.conrelid WHERE co.contype = 'c' AND t.relname = ?"
                                    + " AND t.relnamespace = current_schema()::regnamespace"
                            : "SELECT cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc JOIN"
                                    + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND"
                                    + " tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA WHERE tc.TABLE_SCHEMA = 'PUBLIC'"
                                    + " AND tc.TABLE_NAME = ?";
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mask(rs.getString(1)) + ": " + rs.getString(2));
                    }
                }
            }
            return out;
        }

        private TreeSet<String> sequences() throws SQLException {
            String sql = switch (kind) {
                case POSTGRESQL ->
                    "SELECT sequencename, start_value, increment_by, min_value, max_value, cycle,"
                            + " cache_size FROM pg_sequences WHERE schemaname = current_schema()";
                case H2 ->
                    "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION,"
                            + " CACHE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC'";
                case MARIADB -> mariadbSequences();
                case SQLITE -> null;
            };
            TreeSet<String> out = new TreeSet<>();
            if (sql == null) {
                return out;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    if (rs.getString(1).toLowerCase(Locale.ROOT).startsWith("migrations_")) {
                        continue;
                    }
                    out.add(norm(rs.getString(1)) + " start=" + rs.getString(2) + " inc=" + rs.getString(3) + " min="
                            + rs.getString(4) + " max=" + rs.getString(5) + " cycle="
                            + rs.getString(6).toLowerCase(Locale.ROOT) + " cache=" + rs.getString(7));
                }
            }
            return out;
        }

        /** MariaDB keeps each sequence as a one-row table of its options: one union reads them all. */
        private String mariadbSequences() throws SQLException {
            List<String> selects = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE'")) {
                while (rs.next()) {
                    selects.add("SELECT '" + rs.getString(1) + "', start_value, increment, minimum_value,"
                            + " maximum_value, cycle_option, cache_size FROM `" + rs.getString(1) + "`");
                }
            }
            return selects.isEmpty() ? null : String.join(" UNION ALL ", selects);
        }

        private String tableSql(String table) throws SQLException {
            try (var ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        }

        private String normList(String names) {
            if (names == null) {
                return "[]";
            }
            List<String> out = new ArrayList<>();
            for (String n : names.split(",")) {
                out.add(norm(n.strip()));
            }
            return out.toString();
        }

        /** H2 stores unquoted names in upper case; a reader sees them as the lower-case names written. */
        private String norm(String name) {
            if (name == null) {
                return null;
            }
            return kind == Kind.H2 && name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
        }

        /** Names the database made up (H2's CONSTRAINT_1A, SQLite's autoindexes) change from run to run. */
        private String mask(String name) {
            if (name == null) {
                return "<unnamed>";
            }
            String n = norm(name);
            if (n.matches("(?i)(constraint|primary_key|constraint_index|sqlite_autoindex)_.*")
                    || n.matches("(?i).*_index_[0-9a-f]+")) {
                return "<generated>";
            }
            return n;
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
