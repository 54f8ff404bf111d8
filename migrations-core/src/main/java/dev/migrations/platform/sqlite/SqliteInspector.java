package dev.migrations.platform.sqlite;

import dev.migrations.platform.SchemaInspector;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(normalized(reader.read(connection, name).table()));
        }
        return new SchemaSnapshot(tables, List.<Sequence>of());
    }

    /**
     * SQLite compares identifiers case-blind, so a table Hibernate created as {@code Animal} is the
     * entities' {@code animal}: names are read in lower case.
     */
    private static Table normalized(Table stored) {
        Table table = lowerCase(stored);
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

    private static Table lowerCase(Table t) {
        List<Column> columns =
                t.columns().stream().map(c -> c.named(lower(c.name()))).toList();
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint c : t.constraints()) {
            if (c instanceof PrimaryKey pk) {
                constraints.add(new PrimaryKey(lower(pk.name()), lower(pk.columns())));
            } else if (c instanceof UniqueConstraint uq) {
                constraints.add(new UniqueConstraint(
                        lower(uq.name()), lower(uq.columns()), uq.deferrable(), uq.initiallyDeferred()));
            } else if (c instanceof ForeignKey fk) {
                constraints.add(new ForeignKey(
                        lower(fk.name()),
                        lower(fk.columns()),
                        fk.referencedSchema(),
                        lower(fk.referencedTable()),
                        lower(fk.referencedColumns()),
                        fk.onDelete(),
                        fk.onUpdate(),
                        fk.deferrable(),
                        fk.initiallyDeferred()));
            } else {
                constraints.add(c.named(lower(c.name())));
            }
        }
        List<Index> indexes = t.indexes().stream()
                .map(i -> new Index(
                        lower(i.name()), i.schema(), lower(i.table()), lower(i.columns()), i.unique(), i.where()))
                .toList();
        return new Table(t.schema(), lower(t.name()), columns, constraints, indexes, t.comment());
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(SqliteInspector::lower).toList();
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
