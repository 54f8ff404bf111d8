package dev.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement cut into tokens (words, quoted names, strings, numbers, symbols) with a position, for
 * reading just enough of it: the statement kind, the table and the clauses that decide its locks.
 * Each token keeps its place in the text, so an expression (a default, a check) is taken as written.
 */
final class SqlCursor {

    enum Type {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        SYMBOL
    }

    record Token(Type type, String text, int start, int end) {

        /** A name as the database folds it: unquoted names in lower case, quoted ones as written. */
        String name() {
            return type == Type.QUOTED ? text : text.toLowerCase(Locale.ROOT);
        }

        boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }
    }

    /** A statement the reader cannot follow; the statement is then reported as not inspected. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final String sql;
    private final List<Token> tokens;
    private int position;

    SqlCursor(String sql) {
        this.sql = sql;
        this.tokens = tokenize(sql);
    }

    String sql() {
        return sql;
    }

    boolean atEnd() {
        return position >= tokens.size();
    }

    Token peek() {
        return atEnd() ? null : tokens.get(position);
    }

    Token peek(int ahead) {
        return position + ahead < tokens.size() ? tokens.get(position + ahead) : null;
    }

    Token next() {
        if (atEnd()) {
            throw new Unreadable("the statement ends early");
        }
        return tokens.get(position++);
    }

    int position() {
        return position;
    }

    void reset(int to) {
        position = to;
    }

    /** Moves past the words if they come next, in order; stays put otherwise. */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !t.is(words[i])) {
                return false;
            }
        }
        position += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        Token t = peek();
        if (t != null && t.isSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    void expect(String... words) {
        if (!accept(words)) {
            throw new Unreadable("expected " + String.join(" ", words));
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw new Unreadable("expected '" + symbol + "'");
        }
    }

    /** A name: a word or a quoted identifier. */
    String name() {
        Token t = next();
        if (t.type() != Type.WORD && t.type() != Type.QUOTED) {
            throw new Unreadable("expected a name, found '" + t.text() + "'");
        }
        return t.name();
    }

    /** {@code name} or {@code schema.name}: the last part is the name, the one before it the schema. */
    String[] qualifiedName() {
        String first = name();
        if (acceptSymbol(".")) {
            String second = name();
            if (acceptSymbol(".")) {
                return new String[] {second, name()};
            }
            return new String[] {first, second};
        }
        return new String[] {null, first};
    }

    /** The names of a parenthesised list: {@code (a, b, c)}. */
    List<String> nameList() {
        expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(name());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return names;
    }

    /** The text inside the parentheses that come next, as written; the cursor moves past them. */
    String parenthesised() {
        Token open = next();
        if (!open.isSymbol("(")) {
            throw new Unreadable("expected '('");
        }
        int depth = 1;
        while (!atEnd()) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return sql.substring(open.end(), t.start()).strip();
            }
        }
        throw new Unreadable("a parenthesis is not closed");
    }

    /**
     * The text from here up to (not including) the first top-level token that is one of {@code
     * stopWords} or a top-level comma or closing parenthesis; the cursor stops there.
     */
    String textUntil(String... stopWords) {
        int from = atEnd() ? sql.length() : peek().start();
        int depth = 0;
        int to = from;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")") || isAny(t, stopWords))) {
                break;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            to = t.end();
            position++;
        }
        return sql.substring(from, to).strip();
    }

    /** The rest of the statement as written. */
    String rest() {
        if (atEnd()) {
            return "";
        }
        String text = sql.substring(peek().start()).strip();
        position = tokens.size();
        return text;
    }

    static boolean isAny(Token t, String... words) {
        for (String w : words) {
            if (t.is(w)) {
                return true;
            }
        }
        return false;
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int end = closing(sql, i, '\'');
                tokens.add(new Token(Type.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = closing(sql, i, close);
                String inner = sql.substring(i + 1, end - 1).replace("" + close + close, "" + close);
                tokens.add(new Token(Type.QUOTED, inner, i, end));
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                tokens.add(new Token(Type.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n
                        && (Character.isLetterOrDigit(sql.charAt(end))
                                || sql.charAt(end) == '_'
                                || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Type.WORD, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Type.NUMBER, sql.substring(i, end), i, end));
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                tokens.add(new Token(Type.SYMBOL, "::", i, i + 2));
                i += 2;
            } else {
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** The index just past the quote that closes the one at {@code start}; doubled quotes stay inside. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote && quote != ']') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static String dollarTag(String sql, int i) {
        int end = sql.indexOf('$', i + 1);
        if (end < 0) {
            return null;
        }
        String tag = sql.substring(i, end + 1);
        return tag.matches("\\$[A-Za-z_]?[A-Za-z0-9_]*\\$") ? tag : null;
    }
}
