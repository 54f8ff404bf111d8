package dev.migrations.autogenerate.compare;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Check conditions compared for meaning rather than spelling. PostgreSQL canonicalizes a condition
 * when it stores it, but not to a fixpoint: {@code status IN ('A','B')} comes back as
 * {@code (status)::text = ANY ((ARRAY['A'::character varying, ...])::text[])}, and that text, added
 * again (as a downgrade does), comes back with the casts moved inside the array. Both lose their
 * casts, parentheses and white space here and compare equal.
 */
public final class CheckExpressions {

    private static final Pattern CAST = Pattern.compile("::(?:character varying|double precision"
            + "|timestamp(?:\\(\\d+\\))? with(?:out)? time zone|time(?:\\(\\d+\\))? with(?:out)? time zone"
            + "|\"?[a-z_][a-z0-9_]*\"?)(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");

    private CheckExpressions() {}

    /** The condition without casts, parentheses and white space outside string literals. */
    public static String loose(String condition) {
        StringBuilder out = new StringBuilder();
        String text = condition.strip();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                int end = i + 1;
                while (end < text.length()) {
                    if (text.charAt(end) == '\'' && (end + 1 >= text.length() || text.charAt(end + 1) != '\'')) {
                        break;
                    }
                    end += text.charAt(end) == '\'' ? 2 : 1;
                }
                out.append(text, i, Math.min(end + 1, text.length()));
                i = end + 1;
                continue;
            }
            int next = text.indexOf('\'', i);
            String code = text.substring(i, next < 0 ? text.length() : next).toLowerCase(Locale.ROOT);
            code = CAST.matcher(code).replaceAll("");
            out.append(code.replaceAll("[()\\s]", ""));
            i = next < 0 ? text.length() : next;
        }
        return out.toString();
    }
}
