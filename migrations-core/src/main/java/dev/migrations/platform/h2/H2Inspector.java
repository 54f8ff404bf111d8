package dev.migrations.platform.h2;

import dev.migrations.platform.CatalogQuery;
import dev.migrations.platform.SchemaInspector;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** H2 2.x through {@code INFORMATION_SCHEMA}: a fixed set of queries per schema. */
final class H2Inspector implements SchemaInspector {

    private static final Pattern PLAIN_UPPER = Pattern.compile("[A-Z_][A-Z0-9_$]*");
    private static final String SCHEMA = "COALESCE(?, SCHEMA())";
    /**
     * The names H2 gives indexes it makes for keys: a prefix and the shortest free prefix of the
     * table name's hash ({@code CONSTRAINT_INDEX_3C}, {@code CONSTRAINT_3CE_INDEX_C} after a rebuild),
     * or the whole hash and a counter once those are taken ({@code CONSTRAINT_INDEX_3CEEF9C_0}).
     */
    private static final Pattern GENERATED_INDEX = Pattern.compile("(PRIMARY_KEY|.*_INDEX)_[0-9A-F]+(_[0-9]+)?");

    @Override
    public SchemaSnapshot inspect(Connection connection, String schema, Set<String> excludedTables)
            throws SQLException {
        Map<String, Parts> tables = new LinkedHashMap<>();
        query(
                connection,
                "SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = " + SCHEMA
                        + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
                schema,
                rs -> {
                    String name = name(rs.getString(1));
                    if (!excludedTables.contains(name)) {
                        tables.put(rs.getString(1), new Parts(name, rs.getString(2)));
                    }
                });
        Map<String, List<String>> enumValues = enumValues(connection, schema);
        query(
                connection,
                "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                        + " NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, REMARKS, DTD_IDENTIFIER"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = " + SCHEMA
                        + " ORDER BY TABLE_NAME, ORDINAL_POSITION",
                schema,
                rs -> {
                    Parts t = tables.get(rs.getString(1));
                    if (t == null) {
                        return;
                    }
                    String dataType = rs.getString(3);
                    ColumnType type = "ENUM".equals(dataType)
                            ? ColumnType.raw(enumType(enumValues.get(rs.getString(1) + "." + rs.getString(12))))
                            : H2Types.of(
                                    dataType,
                                    rs.getObject(4, Long.class),
                                    rs.getObject(5, Integer.class),
                                    rs.getObject(6, Integer.class),
                                    rs.getObject(7, Integer.class));
                    boolean identity = "YES".equals(rs.getString(10));
                    t.columns.add(new Column(
                            name(rs.getString(2)),
                            type,
                            "YES".equals(rs.getString(8)),
                            identity ? null : rs.getString(9),
                            identity,
                            false,
                            false,
                            null,
                            rs.getString(11)));
                });
        Map<String, TreeMap<Integer, String>> keyColumns = new HashMap<>();
        query(
                connection,
                "SELECT CONSTRAINT_NAME, ORDINAL_POSITION, COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                        + " WHERE CONSTRAINT_SCHEMA = " + SCHEMA,
                schema,
                rs -> keyColumns
                        .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .put(rs.getInt(2), name(rs.getString(3))));
        Map<String, String[]> references = new HashMap<>();
        query(
                connection,
                "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE"
                        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = " + SCHEMA,
                schema,
                rs -> references.put(
                        rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}));
        Map<String, String> checks = new HashMap<>();
        query(
                connection,
                "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = " + SCHEMA,
                schema,
                rs -> checks.put(rs.getString(1), rs.getString(2)));
        Map<String, String> constraintTables = new HashMap<>();
        Set<String> constraintIndexes = new HashSet<>();
        List<String[]> constraintRows = new ArrayList<>();
        query(
                connection,
                "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, INDEX_NAME"
                        + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = " + SCHEMA
                        + " ORDER BY TABLE_NAME, CONSTRAINT_NAME",
                schema,
                rs -> {
                    constraintRows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    constraintTables.put(rs.getString(2), rs.getString(1));
                    if (rs.getString(4) != null) {
                        constraintIndexes.add(rs.getString(4));
                    }
                });
        for (String[] row : constraintRows) {
            Parts t = tables.get(row[0]);
            if (t == null) {
                continue;
            }
            String name = name(row[1]);
            List<String> columns =
                    List.copyOf(keyColumns.getOrDefault(row[1], new TreeMap<>()).values());
            switch (row[2]) {
                case "PRIMARY KEY" -> t.constraints.add(new PrimaryKey(name, columns));
                case "UNIQUE" -> t.constraints.add(new UniqueConstraint(name, columns, false, false));
                case "CHECK" -> t.constraints.add(new CheckConstraint(name, checks.get(row[1])));
                case "FOREIGN KEY" -> {
                    String[] ref = references.get(row[1]);
                    String target = constraintTables.get(ref[0]);
                    List<String> targetColumns = List.copyOf(
                            keyColumns.getOrDefault(ref[0], new TreeMap<>()).values());
                    t.constraints.add(new ForeignKey(
                            name,
                            columns,
                            null,
                            name(target),
                            targetColumns,
                            action(ref[1]),
                            action(ref[2]),
                            false,
                            false));
                }
                default -> {}
            }
        }
        Map<String, TreeMap<Integer, String>> indexColumns = new HashMap<>();
        query(
                connection,
                "SELECT INDEX_NAME, ORDINAL_POSITION, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                        + " WHERE INDEX_SCHEMA = " + SCHEMA,
                schema,
                rs -> indexColumns
                        .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .put(rs.getInt(2), name(rs.getString(3))));
        query(
                connection,
                "SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE INDEX_SCHEMA = " + SCHEMA + " ORDER BY TABLE_NAME, INDEX_NAME",
                schema,
                rs -> {
                    Parts t = tables.get(rs.getString(1));
                    if (t != null && !(constraintIndexes.contains(rs.getString(2)) && generated(rs.getString(2)))) {
                        t.indexes.add(new Index(
                                name(rs.getString(2)),
                                null,
                                t.name,
                                List.copyOf(indexColumns.get(rs.getString(2)).values()),
                                rs.getString(3).startsWith("UNIQUE"),
                                null));
                    }
                });
        List<Sequence> sequences = new ArrayList<>();
        query(
                connection,
                "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION,"
                        + " CACHE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = " + SCHEMA
                        + " ORDER BY SEQUENCE_NAME",
                schema,
                rs -> {
                    if (!rs.getString(1).startsWith("SYSTEM_SEQUENCE_")) {
                        sequences.add(new Sequence(
                                null,
                                name(rs.getString(1)),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                "YES".equals(rs.getString(6)),
                                rs.getLong(7)));
                    }
                });
        List<Table> result = new ArrayList<>();
        tables.values()
                .forEach(t -> result.add(new Table(null, t.name, t.columns, t.constraints, t.indexes, t.comment)));
        return new SchemaSnapshot(result, sequences);
    }

    /**
     * Whether H2 made this index for a constraint ({@code PRIMARY_KEY_8}, {@code FK_X_INDEX_8}). A
     * constraint can also take over an index someone created on its columns; that one stays listed.
     */
    private static boolean generated(String index) {
        return GENERATED_INDEX.matcher(index).matches();
    }

    /** Values of ENUM columns, by {@code TABLE.DTD_IDENTIFIER}, in declaration order. */
    private static Map<String, List<String>> enumValues(Connection connection, String schema) throws SQLException {
        Map<String, TreeMap<Integer, String>> values = new HashMap<>();
        query(
                connection,
                "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
                        + " WHERE OBJECT_SCHEMA = " + SCHEMA + " AND OBJECT_TYPE = 'TABLE'",
                schema,
                rs -> values.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new TreeMap<>())
                        .put(rs.getInt(3), rs.getString(4)));
        Map<String, List<String>> result = new HashMap<>();
        values.forEach((k, v) -> result.put(k, List.copyOf(v.values())));
        return result;
    }

    private static String enumType(List<String> values) {
        List<String> quoted = values == null
                ? List.of()
                : values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList();
        return "ENUM(" + String.join(",", quoted) + ")";
    }

    /** An unquoted name H2 upper-cased comes back in lower case, as the migration wrote it. */
    static String name(String stored) {
        return stored != null && PLAIN_UPPER.matcher(stored).matches() ? stored.toLowerCase(Locale.ROOT) : stored;
    }

    private static ReferentialAction action(String rule) {
        return rule == null || rule.equals("NO ACTION") ? null : ReferentialAction.parse(rule);
    }

    private static final class Parts {
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        Parts(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }
    }

    /** H2 keeps unquoted schema names in upper case. */
    private static void query(Connection connection, String sql, String schema, CatalogQuery.RowHandler handler)
            throws SQLException {
        CatalogQuery.query(connection, sql, schema == null ? null : schema.toUpperCase(Locale.ROOT), handler);
    }
}
