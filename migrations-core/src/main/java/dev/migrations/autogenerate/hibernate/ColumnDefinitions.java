package dev.migrations.autogenerate.hibernate;

import dev.migrations.api.MigrationsException;
import java.util.Locale;
import java.util.Set;

/**
 * A column's SQL as a mapping gives it in {@code @Column(columnDefinition = ...)}: the type, then
 * optionally {@code DEFAULT expression} and {@code [NOT] NULL} in any order, which become the
 * column's default and nullability. Anything else in it (a constraint, a collation, a generated
 * expression) is refused with the column named, since no portable column can say it.
 */
record ColumnDefinitions(String type, String serverDefault, Boolean nullable) {

    private static final Set<String> CLAUSES = Set.of(
            "default",
            "not",
            "null",
            "primary",
            "unique",
            "check",
            "constraint",
            "references",
            "generated",
            "collate",
            "as");

    static ColumnDefinitions parse(String sql, String column) {
        String text = sql.strip();
        int clause = nextClause(text, 0);
        String type = text.substring(0, clause).strip();
        String serverDefault = null;
        Boolean nullable = null;
        int at = clause;
        while (at < text.length()) {
            String rest = text.substring(at).toLowerCase(Locale.ROOT);
            if (rest.startsWith("default")) {
                int end = nextClause(text, at + "default".length());
                serverDefault = text.substring(at + "default".length(), end).strip();
                at = end;
            } else if (rest.matches("(?s)not\\s+null\\b.*")) {
                nullable = false;
                at += rest.indexOf("null") + "null".length();
            } else if (rest.matches("(?s)null\\b.*")) {
                nullable = true;
                at += "null".length();
            } else {
                throw new MigrationsException("Column " + column + ": autogenerate reads a columnDefinition as a type,"
                        + " optionally followed by DEFAULT and NOT NULL, but '" + sql + "' says more ('"
                        + text.substring(at)
                        + "'). Keep the type in columnDefinition, give the default with @ColumnDefault, and declare"
                        + " constraints on the entity (@Check, @Table(uniqueConstraints)).");
            }
            at = skipSpace(text, at);
        }
        return new ColumnDefinitions(
                type, serverDefault == null || serverDefault.isEmpty() ? null : serverDefault, nullable);
    }

    /** Where the next clause keyword starts at the top level (outside parentheses and quotes), or the end. */
    private static int nextClause(String text, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted
                    && depth == 0
                    && Character.isLetter(c)
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_')) {
                int end = i;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                if (i > from && CLAUSES.contains(text.substring(i, end).toLowerCase(Locale.ROOT))) {
                    return i;
                }
                i = end - 1;
            }
        }
        return text.length();
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
