package dev.migrations.platform.mysql;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What two MySQL/MariaDB errors mean for the migration that met them, and what to do: 1845/1846
 * (ER_ALTER_OPERATION_NOT_SUPPORTED[_REASON]: the server cannot change the table with the ALGORITHM
 * or LOCK asked for, and stopped rather than copy it or block writes) and 1071 (ER_TOO_LONG_KEY: a
 * key over the limit, 3072 bytes with InnoDB's DYNAMIC rows). The revision is named by the failure
 * report around this message.
 */
final class MysqlFailures {

    static final int ALGORITHM_REFUSED = 1845;
    static final int ALGORITHM_REFUSED_REASON = 1846;
    static final int KEY_TOO_LONG = 1071;

    /** The statement's own clauses: {@code ALGORITHM=INPLACE, LOCK=NONE} (a space between them in CREATE INDEX). */
    private static final Pattern CLAUSE =
            Pattern.compile("(ALGORITHM=\\w+(,?\\s+LOCK=\\w+)?|LOCK=\\w+)\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern LIMIT = Pattern.compile("max key length is (\\d+) bytes");

    private MysqlFailures() {}

    /**
     * @param operation the migration's operation the statement carries out, or null
     * @param defaulted whether its request was the platform's default rather than the migration's own
     * @return the explanation, or null for any other error
     */
    static String explain(Connection connection, String sql, Operation operation, boolean defaulted, SQLException e) {
        return switch (e.getErrorCode()) {
            case ALGORITHM_REFUSED, ALGORITHM_REFUSED_REASON -> refused(sql, operation, defaulted, e);
            case KEY_TOO_LONG -> tooLong(connection, operation, e);
            default -> null;
        };
    }

    private static String refused(String sql, Operation operation, boolean defaulted, SQLException e) {
        Matcher clause = CLAUSE.matcher(sql);
        String request = clause.find() ? clause.group().replaceAll(",?\\s+LOCK", ", LOCK") : null;
        String what = operation == null || operation instanceof Execute ? "The statement" : operation.describe();
        StringBuilder s = new StringBuilder(e.getMessage()).append(". ");
        if (operation == null || operation instanceof Execute) {
            return s.append("The statement's ALGORITHM/LOCK clause asked for what the server cannot do here, and it")
                    .append(" stopped instead of copying the table or blocking writes. Change the clause")
                    .append(" (ALGORITHM=COPY, or no clause, lets it copy), or plan the change for a quiet hour.")
                    .toString();
        }
        String asked = defaulted ? "the MySQL/MariaDB default for it" : "its own request";
        s.append(what)
                .append(" asked for ")
                .append(request == null ? "an online change" : request)
                .append(" (")
                .append(asked)
                .append("), and the server cannot do it that way, so it stopped instead of copying the table or")
                .append(" blocking writes. The revision's earlier statements stay applied and the upgrade resumes")
                .append(" at this one. To accept a copy or a lock, request it for this operation:")
                .append(" ops.online(Algorithm.COPY).")
                .append(dslName(operation))
                .append("(...), or ops.online(OnlineDdl.SERVER_CHOICE) to let the server choose");
        if (defaulted) {
            s.append("; or set ddlOnlineDefaults to false for every operation without a request");
        }
        if (operation instanceof AddColumn) {
            s.append(". Or split it: add the column alone, then its key or index");
        }
        return s.append('.').toString();
    }

    private static String dslName(Operation operation) {
        String name = operation.getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String tooLong(Connection connection, Operation operation, SQLException e) {
        Matcher m = LIMIT.matcher(String.valueOf(e.getMessage()));
        int limit = m.find() ? Integer.parseInt(m.group(1)) : 3072;
        Key key = key(operation);
        StringBuilder s = new StringBuilder(e.getMessage()).append(". ");
        if (key == null) {
            return s.append("A key of the statement is longer than the server's ")
                    .append(limit)
                    .append(" bytes. Index a prefix of the long text column (email(191) in an index entry)")
                    .append(" or make the column shorter.")
                    .toString();
        }
        Map<String, Integer> bytes = new LinkedHashMap<>();
        int perChar = 4;
        try {
            perChar = bytesPerCharacter(connection);
            Map<String, Integer> catalog = octets(connection, key.schema, key.table);
            for (String entry : key.columns) {
                String column = Index.columnOf(entry);
                Integer prefix = Index.prefixLength(entry);
                Integer length = catalog.get(column);
                if (length == null && key.definitions.containsKey(column)) {
                    ColumnType type = key.definitions.get(column).type();
                    length = type.length() == null ? null : type.length() * perChar;
                }
                if (column != null && length != null) {
                    bytes.put(column, prefix == null ? length : Math.min(length, prefix * perChar));
                }
            }
        } catch (SQLException readFailure) {
            e.addSuppressed(readFailure);
        }
        int total = bytes.values().stream().mapToInt(Integer::intValue).sum();
        return s.append(key.what)
                .append(" over ")
                .append(String.join(", ", key.columns))
                .append(" would be ")
                .append(total > 0 ? total + " bytes" : "longer than that")
                .append(" (")
                .append(bytes.entrySet().stream()
                        .map(b -> b.getKey() + " " + b.getValue() + " bytes")
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("column sizes unknown"))
                .append(", up to ")
                .append(perChar)
                .append(" bytes a character), over the server's limit of ")
                .append(limit)
                .append(" bytes. ")
                .append(
                        key.what.startsWith("Index")
                                ? "Index a prefix of the long column, an entry column(n): prefix(\"column\", n) in"
                                        + " index(...)"
                                : "A primary or unique key takes whole columns: make it an index over a prefix"
                                        + " (uniqueIndex(..., prefix(\"column\", n)))")
                .append(", where ")
                .append(limit / perChar)
                .append(" characters fit in one key on their own; or make the column shorter (varchar(")
                .append(limit / perChar)
                .append(") at most alone in a key). A unique key over a prefix is unique on the prefix only.")
                .toString();
    }

    /** The key a statement makes, as the operation gives it. */
    private record Key(
            String what, String schema, String table, List<String> columns, Map<String, Column> definitions) {}

    private static Key key(Operation operation) {
        if (operation instanceof CreateIndex o) {
            Index i = o.index();
            return new Key("Index " + i.name() + " on " + i.table(), i.schema(), i.table(), i.columns(), Map.of());
        }
        if (operation instanceof AddConstraint o
                && (o.constraint() instanceof UniqueConstraint || o.constraint() instanceof PrimaryKey)) {
            String name =
                    o.constraint().name() == null ? "" : " " + o.constraint().name();
            return new Key(
                    (o.constraint() instanceof PrimaryKey ? "Primary key" : "Unique key") + name + " on " + o.table(),
                    o.schema(),
                    o.table(),
                    o.constraint().columns(),
                    Map.of());
        }
        if (operation instanceof CreateTable o) {
            Map<String, Column> columns = new LinkedHashMap<>();
            o.definition().columns().forEach(c -> columns.put(c.name(), c));
            List<String> keyColumns = new ArrayList<>();
            for (var c : o.definition().normalized().constraints()) {
                if (c instanceof UniqueConstraint || c instanceof PrimaryKey) {
                    keyColumns = c.columns();
                    String name = c.name() == null ? "" : " " + c.name();
                    Key key = new Key(
                            "Key" + name + " of table " + o.table(),
                            o.definition().schema(),
                            o.table(),
                            keyColumns,
                            columns);
                    if (longest(key, columns) > 0) {
                        return key;
                    }
                }
            }
            for (Index i : o.definition().indexes()) {
                return new Key("Index " + i.name() + " on " + o.table(), i.schema(), o.table(), i.columns(), columns);
            }
        }
        return null;
    }

    /** Characters of the key's text columns whose length is known; 0 when none is. */
    private static int longest(Key key, Map<String, Column> columns) {
        int sum = 0;
        for (String entry : key.columns) {
            Column c = columns.get(Index.columnOf(entry));
            if (c != null && c.type().length() != null) {
                sum += c.type().length();
            }
        }
        return sum;
    }

    private static int bytesPerCharacter(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT MAXLEN FROM information_schema.CHARACTER_SETS"
                        + " WHERE CHARACTER_SET_NAME = @@character_set_database");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 4;
        }
    }

    /** The byte length of each text column of a table, as the catalog has it (empty for a new table). */
    private static Map<String, Integer> octets(Connection connection, String schema, String table) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT COLUMN_NAME, CHARACTER_OCTET_LENGTH FROM"
                + " information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?"
                + " AND CHARACTER_OCTET_LENGTH IS NOT NULL")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), (int) Math.min(Integer.MAX_VALUE, rs.getLong(2)));
                }
            }
        }
        return out;
    }
}
