package dev.migrations.lint;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.Operation;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.SetTableComment;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.platform.TypeNames;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.Index;
import dev.migrations.schema.Table;
import dev.migrations.schema.TableElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one SQL statement as far as the lint needs: its kind, its table, and for DDL the operation
 * it amounts to, so SQL revisions and Java revisions meet the same rules. What it cannot follow is
 * "not inspected", never passed: procedural blocks, triggers, transaction control, and DDL it does
 * not know.
 */
final class SqlStatementReader {

    private SqlStatementReader() {}

    static List<Step> read(String sql) {
        SqlCursor c = new SqlCursor(sql);
        if (c.atEnd()) {
            return List.of();
        }
        try {
            return statement(c, sql);
        } catch (SqlCursor.Unreadable | IllegalArgumentException e) {
            return List.of(Step.notInspected(sql, "the lint cannot read it (" + e.getMessage() + ")"));
        }
    }

    private static List<Step> statement(SqlCursor c, String sql) {
        String first = c.peek().text().toUpperCase(Locale.ROOT);
        switch (first) {
            case "CREATE":
                return create(c, sql);
            case "DROP":
                return drop(c, sql);
            case "ALTER":
                return alter(c, sql);
            case "COMMENT":
                return comment(c, sql);
            case "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE":
                return List.of(data(c, sql));
            case "SELECT", "WITH", "GRANT", "REVOKE", "ANALYZE", "VALUES", "SHOW", "EXPLAIN":
                return List.of(Step.harmless(sql, null));
            case "SET", "RESET":
                return List.of(session(c, sql));
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE":
                return List.of(Step.notInspected(
                        sql,
                        "transaction control inside a revision: the engine begins and ends each revision's"
                                + " transaction itself"));
            default:
                return List.of(Step.notInspected(sql, first + " statements are not read by the lint"));
        }
    }

    // ---------------------------------------------------------------- CREATE

    private static List<Step> create(SqlCursor c, String sql) {
        c.expect("CREATE");
        c.accept("OR", "REPLACE");
        boolean unique = c.accept("UNIQUE");
        if (c.accept("INDEX")) {
            return List.of(Step.operation(sql, createIndex(c, unique)));
        }
        c.accept("GLOBAL");
        c.accept("LOCAL");
        boolean temporary = c.accept("TEMPORARY") || c.accept("TEMP") || c.accept("UNLOGGED");
        if (c.accept("TABLE")) {
            return List.of(createTable(c, sql, temporary));
        }
        if (SqlCursor.isAny(
                c.peek(), "VIEW", "SEQUENCE", "FUNCTION", "PROCEDURE", "TYPE", "SCHEMA", "EXTENSION", "DOMAIN")) {
            return List.of(Step.harmless(sql, null));
        }
        return List.of(Step.notInspected(sql, "CREATE " + c.peek().text() + " is not read by the lint"));
    }

    private static CreateIndex createIndex(SqlCursor c, boolean unique) {
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = c.peek().is("ON") ? null : c.qualifiedName()[1];
        c.expect("ON");
        c.accept("ONLY");
        String[] table = c.qualifiedName();
        if (c.accept("USING")) {
            c.next();
        }
        List<String> columns = splitTopLevel(c.parenthesised());
        String where = null;
        while (!c.atEnd()) {
            if (c.accept("WHERE")) {
                where = c.rest();
            } else {
                c.next(); // INCLUDE (...), WITH (...), TABLESPACE: nothing that changes the lock
            }
        }
        if (name == null) {
            name = table[1] + "_" + String.join("_", columns) + "_idx";
        }
        return new CreateIndex(new Index(name, table[0], table[1], columns, unique, where), concurrently, ifNotExists);
    }

    private static Step createTable(SqlCursor c, String sql, boolean temporary) {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String[] name = c.qualifiedName();
        if (temporary) {
            return Step.harmless(sql, null);
        }
        if (c.atEnd() || !c.peek().isSymbol("(")) {
            // CREATE TABLE ... AS SELECT, PARTITION OF...: a new table, its columns unknown here
            return Step.operation(
                    sql,
                    new CreateTable(new Table(name[0], name[1], List.of(), List.of(), List.of(), null), ifNotExists));
        }
        c.expectSymbol("(");
        List<TableElement> elements = new ArrayList<>();
        do {
            if (SqlColumns.constraintAhead(c)) {
                elements.add(SqlColumns.constraint(c));
            } else if (c.peek().is("LIKE")) {
                throw new SqlCursor.Unreadable("CREATE TABLE ... LIKE is not read");
            } else {
                elements.add(SqlColumns.column(c));
            }
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        Table table = Table.of(name[1], elements.toArray(TableElement[]::new));
        if (name[0] != null) {
            table = new Table(name[0], table.name(), table.columns(), table.constraints(), table.indexes(), null);
        }
        return Step.operation(sql, new CreateTable(table, ifNotExists));
    }

    // ---------------------------------------------------------------- DROP

    private static List<Step> drop(SqlCursor c, String sql) {
        c.expect("DROP");
        if (c.accept("TABLE")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            List<Step> steps = new ArrayList<>();
            do {
                String[] name = c.qualifiedName();
                steps.add(Step.operation(sql, new DropTable(name[0], name[1], null, ifExists)));
            } while (c.acceptSymbol(","));
            return steps;
        }
        if (c.accept("INDEX")) {
            boolean concurrently = c.accept("CONCURRENTLY");
            boolean ifExists = c.accept("IF", "EXISTS");
            String[] name = c.qualifiedName();
            String table = c.accept("ON") ? c.qualifiedName()[1] : null; // MySQL names the table
            return List.of(Step.operation(sql, new DropIndex(name[0], name[1], table, null, concurrently, ifExists)));
        }
        if (SqlCursor.isAny(c.peek(), "VIEW", "SEQUENCE", "FUNCTION", "PROCEDURE", "TYPE", "DOMAIN")) {
            return List.of(Step.harmless(sql, null));
        }
        return List.of(Step.notInspected(sql, "DROP " + c.peek().text() + " is not read by the lint"));
    }

    // ---------------------------------------------------------------- ALTER

    private static List<Step> alter(SqlCursor c, String sql) {
        c.expect("ALTER");
        if (!c.accept("TABLE")) {
            if (SqlCursor.isAny(c.peek(), "SEQUENCE", "VIEW", "FUNCTION", "PROCEDURE", "TYPE", "INDEX", "DOMAIN")) {
                return List.of(Step.harmless(sql, null));
            }
            return List.of(Step.notInspected(sql, "ALTER " + c.peek().text() + " is not read by the lint"));
        }
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        String[] table = c.qualifiedName();
        if (c.accept("RENAME", "TO")) {
            return List.of(Step.operation(sql, new RenameTable(table[0], table[1], c.name())));
        }
        if (c.accept("RENAME", "CONSTRAINT")) {
            return List.of(Step.harmless(sql, table[1]));
        }
        if (c.accept("RENAME")) {
            c.accept("COLUMN");
            String from = c.name();
            c.expect("TO");
            return List.of(
                    Step.operation(sql, AlterColumn.of(table[0], table[1], from).rename(c.name())));
        }
        List<Step> steps = new ArrayList<>();
        do {
            if (SqlCursor.isAny(c.peek(), "ALGORITHM", "LOCK")) {
                c.next(); // MySQL's ALGORITHM=/LOCK=: how, not what
                c.acceptSymbol("=");
                c.next();
                continue;
            }
            steps.add(Step.operation(sql, action(c, table[0], table[1])));
        } while (c.acceptSymbol(","));
        if (!c.atEnd()) {
            throw new SqlCursor.Unreadable("'" + c.peek().text() + "' after the ALTER TABLE actions is not read");
        }
        return steps;
    }

    private static Operation action(SqlCursor c, String schema, String table) {
        if (c.accept("ADD")) {
            if (SqlColumns.constraintAhead(c)) {
                int at = c.position();
                String name = c.accept("CONSTRAINT") ? c.name() : null;
                boolean primary = c.peek() != null && c.peek().is("PRIMARY");
                String index = SqlColumns.usingIndex(c);
                if (index != null) {
                    // the index's columns are the key's; the lint looks them up by the index's name
                    Constraint key = primary
                            ? new dev.migrations.schema.PrimaryKey(name, List.of(index))
                            : new dev.migrations.schema.UniqueConstraint(name, List.of(index), false, false);
                    return new AddConstraint(schema, table, key).usingIndex(index);
                }
                c.reset(at);
                Constraint constraint = SqlColumns.constraint(c);
                boolean notValid = c.accept("NOT", "VALID");
                AddConstraint add = new AddConstraint(schema, table, constraint);
                return notValid ? add.withoutValidation() : add;
            }
            c.accept("COLUMN");
            c.accept("IF", "NOT", "EXISTS");
            return new AddColumn(schema, table, SqlColumns.column(c));
        }
        if (c.accept("DROP", "INDEX")) {
            return new DropIndex(schema, c.name(), table, null, false, false);
        }
        if (c.accept("DROP", "CONSTRAINT")) {
            c.accept("IF", "EXISTS");
            String name = c.name();
            skipDropBehaviour(c);
            return new DropConstraint(schema, table, name, null, null);
        }
        if (c.accept("DROP")) {
            c.accept("COLUMN");
            c.accept("IF", "EXISTS");
            String column = c.name();
            skipDropBehaviour(c);
            return new DropColumn(schema, table, column, null);
        }
        if (c.accept("VALIDATE", "CONSTRAINT")) {
            return new ValidateConstraint(schema, table, c.name());
        }
        if (c.accept("ALTER")) {
            c.accept("COLUMN");
            String column = c.name();
            AlterColumn alter = AlterColumn.of(schema, table, column);
            if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
                String type = c.textUntil("USING", "COLLATE");
                if (c.accept("COLLATE")) {
                    c.next();
                }
                String using = c.accept("USING") ? c.textUntil() : null;
                return alter.type(TypeNames.parse(type), using);
            }
            if (c.accept("SET", "NOT", "NULL")) {
                return alter.nullable(false);
            }
            if (c.accept("DROP", "NOT", "NULL")) {
                return alter.nullable(true);
            }
            if (c.accept("SET", "DEFAULT")) {
                return alter.serverDefault(c.textUntil());
            }
            if (c.accept("DROP", "DEFAULT")) {
                return alter.dropServerDefault();
            }
        }
        throw new SqlCursor.Unreadable(
                "ALTER TABLE " + (c.atEnd() ? "" : c.peek().text() + " ") + "is not an action the lint reads");
    }

    private static void skipDropBehaviour(SqlCursor c) {
        if (!c.accept("CASCADE")) {
            c.accept("RESTRICT");
        }
    }

    // ---------------------------------------------------------------- the rest

    private static List<Step> comment(SqlCursor c, String sql) {
        c.expect("COMMENT", "ON");
        if (c.accept("TABLE")) {
            String[] table = c.qualifiedName();
            c.expect("IS");
            String text = c.rest();
            return List.of(Step.operation(
                    sql, new SetTableComment(table[0], table[1], text.equalsIgnoreCase("NULL") ? null : text, null)));
        }
        if (c.accept("COLUMN")) {
            List<String> parts = new ArrayList<>();
            do {
                parts.add(c.name());
            } while (c.acceptSymbol("."));
            if (parts.size() < 2) {
                throw new SqlCursor.Unreadable("COMMENT ON COLUMN needs table.column");
            }
            String table = parts.get(parts.size() - 2);
            return List.of(Step.operation(
                    sql,
                    AlterColumn.of(null, table, parts.get(parts.size() - 1)).comment("")));
        }
        return List.of(Step.harmless(sql, null));
    }

    private static Step data(SqlCursor c, String sql) {
        String verb = c.next().text().toUpperCase(Locale.ROOT);
        c.accept("INTO");
        c.accept("FROM");
        c.accept("TABLE");
        c.accept("ONLY");
        String table = c.qualifiedName()[1];
        boolean rewrites =
                !verb.equals("INSERT") || sql.toUpperCase(Locale.ROOT).matches("(?s).*\\bSELECT\\b.*");
        return Step.data(sql, verb, table, rewrites);
    }

    private static Step session(SqlCursor c, String sql) {
        if (c.accept("RESET")) {
            return Step.session(sql, c.name(), "default");
        }
        c.expect("SET");
        if (!c.accept("LOCAL")) {
            c.accept("SESSION");
        }
        String name = c.name();
        if (!c.acceptSymbol("=")) {
            c.expect("TO");
        }
        return Step.session(sql, name, c.rest());
    }

    /** The comma-separated entries of a parenthesised list, as written. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && ch == ',') {
                parts.add(entry(text.substring(from, i)));
                from = i + 1;
            }
        }
        parts.add(entry(text.substring(from)));
        return parts;
    }

    private static String entry(String text) {
        String e = text.strip();
        return e.startsWith("\"") && e.endsWith("\"") && e.length() > 1 ? e.substring(1, e.length() - 1) : e;
    }
}
