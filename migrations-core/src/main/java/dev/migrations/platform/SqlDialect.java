package dev.migrations.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How one database spells names and values. A plain lower-case name is left bare, so it folds the
 * way the database folds unquoted names (and the way Hibernate writes them); the database's reserved
 * words, mixed case and anything else are quoted. Values become literals for offline scripts, where
 * nothing can be bound. Platforms extend this where their database differs.
 */
public class SqlDialect {

    /** Words every database here reserves: standard SQL's core. */
    public static final Set<String> SQL_RESERVED = Set.of(
            "all",
            "and",
            "any",
            "array",
            "as",
            "asymmetric",
            "both",
            "case",
            "cast",
            "check",
            "constraint",
            "cross",
            "current_catalog",
            "current_date",
            "current_role",
            "current_schema",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "distinct",
            "else",
            "end",
            "except",
            "exists",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "full",
            "group",
            "having",
            "in",
            "inner",
            "intersect",
            "is",
            "join",
            "leading",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "natural",
            "not",
            "null",
            "offset",
            "on",
            "or",
            "order",
            "primary",
            "right",
            "select",
            "session_user",
            "some",
            "symmetric",
            "table",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "when",
            "where",
            "window",
            "with");

    // $ after the first letter: PostgreSQL, H2 and SQLite take it bare
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private final char quote;
    private final Set<String> reserved;

    /**
     * @param quote the identifier quote character
     * @param ownReservedWords the database's reserved words beyond {@link #SQL_RESERVED}, lower case
     */
    public SqlDialect(char quote, Set<String> ownReservedWords) {
        this.quote = quote;
        Set<String> all = new HashSet<>(SQL_RESERVED);
        all.addAll(ownReservedWords);
        this.reserved = Set.copyOf(all);
    }

    // ---------------------------------------------------------------- names

    /** Quotes an identifier; embedded quote characters are doubled. */
    public String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    /** An identifier for user DDL: bare when plain and not reserved here, quoted otherwise. */
    public String identifier(String name) {
        checkIdentifier(name);
        return needsQuoting(name) ? quote(name) : name;
    }

    /** A possibly schema-qualified identifier for user DDL. */
    public String identifier(String schema, String name) {
        return schema == null || schema.isBlank() ? identifier(name) : identifier(schema) + "." + identifier(name);
    }

    /** A possibly schema-qualified name, always quoted: the engine's own tables. */
    public String qualified(String schema, String table) {
        return schema == null || schema.isBlank() ? quote(table) : quote(schema) + "." + quote(table);
    }

    public boolean needsQuoting(String identifier) {
        return !PLAIN.matcher(identifier).matches() || reserved.contains(identifier.toLowerCase(Locale.ROOT));
    }

    /** Rejects names no database accepts; a platform adds its own limits. */
    public void checkIdentifier(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("An identifier cannot be empty");
        }
        for (int i = 0; i < identifier.length(); i++) {
            if (Character.isISOControl(identifier.charAt(i))) {
                throw new IllegalArgumentException(
                        "Identifier '" + identifier.replaceAll("\\p{Cntrl}", "?") + "' contains a control character");
            }
        }
    }

    /** Rejects names longer than {@code maxBytes} in UTF-8, which the database would silently truncate. */
    protected static void checkLength(String identifier, int maxBytes, String database) {
        if (identifier.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new IllegalArgumentException("Identifier '" + identifier + "' is longer than " + database + "'s "
                    + maxBytes + " bytes; " + database + " would silently truncate it. Choose a shorter name.");
        }
    }

    // ---------------------------------------------------------------- values

    /** A string literal; quotes are doubled. */
    public String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    public String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    public String bytesLiteral(byte[] bytes) {
        return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }

    /** A date or time literal of SQL type {@code type}: {@code DATE '2026-01-01'}. */
    protected String dateTimeLiteral(String type, String text) {
        return type + " " + literal(text);
    }

    /** A Java value as a SQL literal. */
    public String value(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return booleanLiteral(b);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("No portable SQL literal for " + d);
            }
            return value.toString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof byte[] bytes) {
            return bytesLiteral(bytes);
        }
        if (value instanceof LocalDate d) {
            return dateTimeLiteral("DATE", d.toString());
        }
        if (value instanceof LocalTime t) {
            return dateTimeLiteral("TIME", t.toString());
        }
        if (value instanceof LocalDateTime t) {
            return dateTimeLiteral("TIMESTAMP", t.toString().replace('T', ' '));
        }
        if (value instanceof Instant i) {
            return value(i.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime t) {
            return dateTimeLiteral("TIMESTAMP WITH TIME ZONE", t.toString().replace('T', ' '));
        }
        if (value instanceof UUID
                || value instanceof CharSequence
                || value instanceof Character
                || value instanceof Enum<?>) {
            return literal(value.toString());
        }
        throw new IllegalArgumentException("No SQL literal for a "
                + value.getClass().getName() + "; convert it to a String, number, boolean, date/time or byte[]");
    }
}
