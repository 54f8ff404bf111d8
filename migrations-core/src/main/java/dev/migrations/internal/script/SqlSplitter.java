package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits SQL text into statements at semicolons that are code, not text: it skips single-quoted
 * strings (with {@code ''} and, for {@code E'...'}, backslash escapes), quoted identifiers,
 * dollar-quoted bodies ({@code $$} and {@code $tag$}), {@code --} and nested {@code /* *}{@code /}
 * comments, and the {@code BEGIN ... END} body of a {@code CREATE TRIGGER}. Any of these left
 * open is an error naming its line, rather than a statement that swallows the rest of the file.
 */
public final class SqlSplitter {

    private static final Pattern TRIGGER =
            Pattern.compile("^CREATE\\s+(OR\\s+REPLACE\\s+)?(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*", Pattern.DOTALL);

    private SqlSplitter() {}

    /** Statements without their terminating semicolon; comment-only pieces are dropped. */
    public static List<SqlStatement> split(String text, int firstLine) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int line = firstLine;
        int startLine = firstLine;
        int blockDepth = 0; // BEGIN/CASE ... END nesting inside a trigger body
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            int end;
            if (c == '-' && next == '-') {
                end = indexOrEnd(text, '\n', i);
            } else if (c == '/' && next == '*') {
                end = blockCommentEnd(text, i);
            } else if (c == '\'') {
                boolean escapes = i > 0
                        && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(text.charAt(i - 2)));
                end = quotedEnd(text, i, '\'', escapes);
            } else if (c == '"' || c == '`') {
                end = quotedEnd(text, i, c, false);
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                end = close < 0 ? -1 : close + tag.length();
            } else if (c == ';' && (blockDepth == 0 || !isTrigger(current))) {
                if (hasCode) {
                    statements.add(new SqlStatement(current.toString().strip(), startLine));
                }
                current.setLength(0);
                hasCode = false;
                blockDepth = 0;
                i++;
                continue;
            } else {
                if (Character.isLetter(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                    int wordEnd = i;
                    while (wordEnd < n && isWordChar(text.charAt(wordEnd))) {
                        wordEnd++;
                    }
                    String word = text.substring(i, wordEnd).toUpperCase(Locale.ROOT);
                    if (word.equals("BEGIN") || word.equals("CASE")) {
                        blockDepth++;
                    } else if (word.equals("END") && blockDepth > 0) {
                        blockDepth--;
                    }
                    end = wordEnd;
                } else {
                    end = i + 1;
                }
                if (!hasCode && !Character.isWhitespace(c)) {
                    hasCode = true;
                    startLine = line;
                }
            }
            if (end < 0) {
                throw new UnterminatedException(c, line);
            }
            String piece = text.substring(i, end);
            if (!hasCode && (c == '\'' || c == '"' || c == '`' || c == '$')) {
                hasCode = true;
                startLine = line;
            }
            current.append(piece);
            line += count(piece, '\n');
            i = end;
        }
        if (hasCode) {
            statements.add(new SqlStatement(current.toString().strip(), startLine));
        }
        return statements;
    }

    /** A string, quoted identifier, dollar-quoted body or block comment that is never closed. */
    public static final class UnterminatedException extends MigrationsException {

        private static final long serialVersionUID = 1L;

        private final int line;

        UnterminatedException(char opening, int line) {
            super(switch (opening) {
                        case '\'' -> "a string literal (') is never closed";
                        case '"', '`' -> "a quoted identifier (" + opening + ") is never closed";
                        case '$' -> "a dollar-quoted body ($...$) is never closed";
                        default -> "a block comment (/*) is never closed";
                    }
                    + "; close it, or the rest of the file would be read as part of it");
            this.line = line;
        }

        /** The line the unclosed construct starts on. */
        public int line() {
            return line;
        }
    }

    private static boolean isTrigger(StringBuilder statement) {
        String head = statement.toString().strip();
        head = head.substring(0, Math.min(head.length(), 200)).toUpperCase(Locale.ROOT);
        return TRIGGER.matcher(head).matches();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int indexOrEnd(String text, char target, int from) {
        int index = text.indexOf(target, from);
        return index < 0 ? text.length() : index;
    }

    private static int blockCommentEnd(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length() - 1) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int quotedEnd(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** {@code $$} or {@code $tag$} starting at {@code start}, or null when this is not one. */
    private static String dollarTag(String text, int start) {
        if (start > 0 && isWordChar(text.charAt(start - 1))) {
            return null; // part of an identifier such as a$b
        }
        int i = start + 1;
        while (i < text.length()
                && (Character.isLetter(text.charAt(i))
                        || text.charAt(i) == '_'
                        || (i > start + 1 && Character.isDigit(text.charAt(i))))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '$') {
            return text.substring(start, i + 1);
        }
        return null;
    }

    private static int count(String s, char c) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
