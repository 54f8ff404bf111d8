package dev.migrations.lint;

import dev.migrations.platform.TypeNames;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.UniqueConstraint;
import java.util.List;

/** Reads column definitions and table constraints of CREATE TABLE and ALTER TABLE ... ADD. */
final class SqlColumns {

    /** Words that end a column's type and start its constraints. */
    private static final String[] AFTER_TYPE = {
        "NOT",
        "NULL",
        "DEFAULT",
        "PRIMARY",
        "UNIQUE",
        "REFERENCES",
        "CHECK",
        "CONSTRAINT",
        "GENERATED",
        "COLLATE",
        "AUTO_INCREMENT",
        "AUTOINCREMENT",
        "COMMENT",
        "FIRST",
        "AFTER",
        "IDENTITY"
    };

    private SqlColumns() {}

    /** Whether a table constraint (rather than a column) starts here. */
    static boolean constraintAhead(SqlCursor c) {
        SqlCursor.Token t = c.peek();
        return t != null && SqlCursor.isAny(t, "CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE");
    }

    static Column column(SqlCursor c) {
        String name = c.name();
        String typeText = c.textUntil(AFTER_TYPE);
        if (typeText.isEmpty()) {
            throw new SqlCursor.Unreadable("column " + name + " has no type");
        }
        ColumnType type = TypeNames.parse(typeText);
        Column column = Column.of(name, type);
        while (!c.atEnd() && !c.peek().isSymbol(",") && !c.peek().isSymbol(")")) {
            if (c.accept("CONSTRAINT")) {
                c.name(); // an inline constraint's name: the model keeps inline constraints unnamed
            }
            if (c.accept("NOT", "NULL")) {
                column = column.notNull();
            } else if (c.accept("NULL")) {
                column = column.nullable(true);
            } else if (c.accept("DEFAULT")) {
                column = column.serverDefault(c.textUntil(AFTER_TYPE));
            } else if (c.accept("PRIMARY", "KEY")) {
                column = column.primaryKey();
            } else if (c.accept("UNIQUE")) {
                column = column.unique();
            } else if (c.accept("REFERENCES")) {
                String[] table = c.qualifiedName();
                List<String> to = c.peek() != null && c.peek().isSymbol("(") ? c.nameList() : List.of(name);
                column = column.references(
                        new ForeignKey(null, List.of(name), table[0], table[1], to, null, null, false, false));
                skipForeignKeyOptions(c);
            } else if (c.accept("CHECK")) {
                c.parenthesised();
            } else if (c.accept("GENERATED")) {
                boolean stored = c.textUntil("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK")
                        .toUpperCase(java.util.Locale.ROOT)
                        .contains("STORED");
                column = stored ? column.serverDefault("generated stored") : column.identity();
            } else if (c.accept("IDENTITY") || c.accept("AUTO_INCREMENT") || c.accept("AUTOINCREMENT")) {
                column = column.identity();
            } else if (c.accept("COLLATE") || c.accept("COMMENT")) {
                c.next();
            } else {
                throw new SqlCursor.Unreadable(
                        "column " + name + ": '" + c.peek().text() + "' is not read");
            }
        }
        return column;
    }

    /** {@code [CONSTRAINT name] PRIMARY KEY (...) | UNIQUE (...) | FOREIGN KEY ... | CHECK (...)}. */
    static Constraint constraint(SqlCursor c) {
        String name = c.accept("CONSTRAINT") ? c.name() : null;
        if (c.accept("PRIMARY", "KEY")) {
            return new PrimaryKey(name, c.nameList());
        }
        if (c.accept("UNIQUE")) {
            return new UniqueConstraint(name, c.nameList(), false, false);
        }
        if (c.accept("FOREIGN", "KEY")) {
            List<String> from = c.nameList();
            c.expect("REFERENCES");
            String[] table = c.qualifiedName();
            List<String> to = c.peek() != null && c.peek().isSymbol("(") ? c.nameList() : from;
            ReferentialAction[] actions = skipForeignKeyOptions(c);
            return new ForeignKey(name, from, table[0], table[1], to, actions[0], actions[1], false, false);
        }
        if (c.accept("CHECK")) {
            return new CheckConstraint(name, c.parenthesised());
        }
        throw new SqlCursor.Unreadable("this kind of constraint is not read");
    }

    /** {@code UNIQUE USING INDEX idx} / {@code PRIMARY KEY USING INDEX idx}: the index, or null. */
    static String usingIndex(SqlCursor c) {
        int at = c.position();
        if ((c.accept("UNIQUE") || c.accept("PRIMARY", "KEY")) && c.accept("USING", "INDEX")) {
            return c.name();
        }
        c.reset(at);
        return null;
    }

    /** ON DELETE / ON UPDATE / MATCH / DEFERRABLE clauses; returns the two actions (may be null). */
    private static ReferentialAction[] skipForeignKeyOptions(SqlCursor c) {
        ReferentialAction[] actions = new ReferentialAction[2];
        while (!c.atEnd()) {
            if (c.accept("ON", "DELETE")) {
                actions[0] = action(c);
            } else if (c.accept("ON", "UPDATE")) {
                actions[1] = action(c);
            } else if (c.accept("MATCH")) {
                c.next();
            } else if (c.accept("NOT", "DEFERRABLE") || c.accept("DEFERRABLE")) {
                if (c.accept("INITIALLY")) {
                    c.next();
                }
            } else {
                break;
            }
        }
        return actions;
    }

    private static ReferentialAction action(SqlCursor c) {
        if (c.accept("SET", "NULL")) {
            return ReferentialAction.SET_NULL;
        }
        if (c.accept("SET", "DEFAULT")) {
            return ReferentialAction.SET_DEFAULT;
        }
        if (c.accept("NO", "ACTION")) {
            return ReferentialAction.NO_ACTION;
        }
        return ReferentialAction.parse(c.next().text());
    }
}
