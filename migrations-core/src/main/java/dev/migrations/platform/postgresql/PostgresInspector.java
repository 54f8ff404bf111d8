package dev.migrations.platform.postgresql;

import static dev.migrations.platform.CatalogQuery.query;

import dev.migrations.platform.SchemaInspector;
import dev.migrations.platform.TypeNames;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Five {@code pg_catalog} queries per schema, whatever the number of tables. */
final class PostgresInspector implements SchemaInspector {

    private static final String SCHEMA = "n.nspname = COALESCE(?, current_schema())";

    private static final String TABLES = "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + SCHEMA
            + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname";

    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum)"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE " + SCHEMA + " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
            + " ORDER BY c.relname, a.attnum";

    private static final String CONSTRAINTS = "SELECT c.relname, con.conname, con.contype,"
            + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a"
            + "   ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " fn.nspname, fc.relname,"
            + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a"
            + "   ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred, pg_get_constraintdef(con.oid),"
            + " n.nspname"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
            + " WHERE " + SCHEMA + " AND con.contype IN ('p', 'u', 'f', 'c') ORDER BY c.relname, con.conname";

    /** Indexes that no constraint owns; a constraint's own index is part of the constraint. */
    private static final String INDEXES = "SELECT t.relname, i.relname, ix.indisunique,"
            + " pg_get_expr(ix.indpred, ix.indrelid),"
            + " ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k),"
            + " ARRAY(SELECT a.attname FROM generate_series(1, ix.indnkeyatts) k"
            + "   LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k - 1] ORDER BY k)"
            + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE " + SCHEMA
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = ix.indrelid"
            + "   AND con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))"
            + " ORDER BY t.relname, i.relname";

    /**
     * Sequences, except those a column owns (an identity's, or a serial's through OWNED BY): they
     * belong to that column's table, come and go with it, and show in its default.
     */
    private static final String SEQUENCES = "SELECT s.relname, q.seqstart, q.seqincrement, q.seqmin, q.seqmax,"
            + " q.seqcycle, q.seqcache FROM pg_sequence q JOIN pg_class s ON s.oid = q.seqrelid"
            + " JOIN pg_namespace n ON n.oid = s.relnamespace WHERE " + SCHEMA
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = s.oid AND d.classid = 'pg_class'::regclass"
            + "   AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('i', 'a'))"
            + " ORDER BY s.relname";

    /** Named enum types with their labels in sort order. */
    private static final String ENUM_TYPES = "SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
            + " WHERE " + SCHEMA + " GROUP BY t.typname ORDER BY t.typname";

    @Override
    public SchemaSnapshot inspect(Connection connection, String schema, Set<String> excludedTables)
            throws SQLException {
        Map<String, TableParts> tables = new LinkedHashMap<>();
        query(connection, TABLES, schema, rs -> {
            if (!excludedTables.contains(rs.getString(1))) {
                tables.put(rs.getString(1), new TableParts(rs.getString(2)));
            }
        });
        query(connection, COLUMNS, schema, rs -> {
            TableParts t = tables.get(rs.getString(1));
            if (t != null) {
                String identity = rs.getString(6);
                boolean isIdentity = identity != null && !identity.isEmpty();
                t.columns.add(new Column(
                        rs.getString(2),
                        TypeNames.parse(rs.getString(3)),
                        !rs.getBoolean(4),
                        isIdentity ? null : rs.getString(5),
                        isIdentity,
                        false,
                        false,
                        null,
                        rs.getString(7)));
            }
        });
        query(connection, CONSTRAINTS, schema, rs -> {
            TableParts t = tables.get(rs.getString(1));
            if (t != null) {
                t.constraints.add(constraint(rs));
            }
        });
        query(connection, INDEXES, schema, rs -> {
            TableParts t = tables.get(rs.getString(1));
            if (t != null) {
                t.indexes.add(index(rs));
            }
        });
        List<Sequence> sequences = new ArrayList<>();
        query(
                connection,
                SEQUENCES,
                schema,
                rs -> sequences.add(new Sequence(
                        null,
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getBoolean(6),
                        rs.getLong(7))));
        List<EnumType> enumTypes = new ArrayList<>();
        query(
                connection,
                ENUM_TYPES,
                schema,
                rs -> enumTypes.add(EnumType.named(
                        rs.getString(1), List.of((String[]) rs.getArray(2).getArray()))));
        List<Table> result = new ArrayList<>();
        tables.forEach((name, t) -> result.add(new Table(null, name, t.columns, t.constraints, t.indexes, t.comment)));
        return new SchemaSnapshot(result, sequences, Map.of(), enumTypes);
    }

    private static Constraint constraint(ResultSet rs) throws SQLException {
        String name = rs.getString(2);
        List<String> columns = strings(rs.getArray(4));
        return switch (rs.getString(3)) {
            case "p" -> new PrimaryKey(name, columns);
            case "u" -> new UniqueConstraint(name, columns, rs.getBoolean(10), rs.getBoolean(11));
            case "f" ->
                new ForeignKey(
                        name,
                        columns,
                        sameSchema(rs.getString(5), rs.getString(13)),
                        rs.getString(6),
                        strings(rs.getArray(7)),
                        action(rs.getString(8)),
                        action(rs.getString(9)),
                        rs.getBoolean(10),
                        rs.getBoolean(11));
            default -> new CheckConstraint(name, checkCondition(rs.getString(12)));
        };
    }

    private static Index index(ResultSet rs) throws SQLException {
        List<String> definitions = strings(rs.getArray(5));
        List<String> attributes = strings(rs.getArray(6));
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            String plain = attributes.size() > i ? attributes.get(i) : null;
            columns.add(plain != null ? plain : "(" + definitions.get(i) + ")");
        }
        return new Index(rs.getString(2), null, rs.getString(1), columns, rs.getBoolean(3), rs.getString(4));
    }

    /** {@code CHECK ((total >= 0))} → {@code (total >= 0)}: the condition as PostgreSQL canonicalised it. */
    static String checkCondition(String definition) {
        String d = definition.strip();
        if (d.startsWith("CHECK ")) {
            d = d.substring("CHECK ".length()).strip();
        }
        if (d.endsWith(" NOT VALID")) {
            d = d.substring(0, d.length() - " NOT VALID".length()).strip();
        }
        if (d.startsWith("(") && d.endsWith(")")) {
            d = d.substring(1, d.length() - 1);
        }
        return d;
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            case "r" -> ReferentialAction.RESTRICT;
            default -> null; // 'a', NO ACTION: the default
        };
    }

    private static String sameSchema(String referenced, String own) {
        return referenced == null || referenced.equals(own) ? null : referenced;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final class TableParts {
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        TableParts(String comment) {
            this.comment = comment;
        }
    }
}
