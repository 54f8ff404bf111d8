package dev.migrations.platform.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small tokenizer for the DDL SQLite stores in {@code sqlite_master}: words, quoted names,
 * strings, single characters, and parenthesised groups kept whole. Enough to find constraint
 * names, CHECK conditions and index definitions, which SQLite's pragmas do not report.
 */
final class SqlTokens {

    enum Kind {
        WORD,
        QUOTED,
        STRING,
        GROUP,
        SYMBOL
    }

    /** One token; {@code start}/{@code end} are offsets in the parsed text. */
    record Token(Kind kind, String text, int start, int end) {

        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        /** A name with its quotes removed. */
        String name() {
            if (kind != Kind.QUOTED) {
                return text;
            }
            String inner = text.substring(1, text.length() - 1);
            char q = text.charAt(0);
            return q == '[' ? inner : inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }

        /** The text between a group's parentheses. */
        String inner() {
            return text.substring(1, text.length() - 1);
        }
    }

    private SqlTokens() {}

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' || c == '`' || c == '[') {
                int end = quotedEnd(sql, i, c == '[' ? ']' : c);
                tokens.add(new Token(Kind.QUOTED, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '\'') {
                int end = quotedEnd(sql, i, '\'');
                tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '(') {
                int end = groupEnd(sql, i);
                tokens.add(new Token(Kind.GROUP, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int end = i;
                while (end < n
                        && (Character.isLetterOrDigit(sql.charAt(end))
                                || sql.charAt(end) == '_'
                                || sql.charAt(end) == '$'
                                || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** Splits text at top-level commas (not inside quotes or parentheses). */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (Token t : tokenize(text)) {
            if (t.kind() == Kind.SYMBOL && t.text().equals(",")) {
                parts.add(text.substring(from, t.start()).strip());
                from = t.end();
            }
        }
        String last = text.substring(from).strip();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    static int indexOfWord(List<Token> tokens, String word, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static int quotedEnd(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int groupEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = quotedEnd(sql, i, c == '[' ? ']' : c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return sql.length();
    }
}
