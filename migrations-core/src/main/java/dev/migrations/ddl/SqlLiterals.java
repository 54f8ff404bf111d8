package dev.migrations.ddl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/** Java values written as SQL literals, for offline scripts where nothing can be bound. */
public final class SqlLiterals {

    private final Dialect dialect;

    SqlLiterals(Dialect dialect) {
        this.dialect = dialect;
    }

    public String string(String value) {
        return dialect.literal(value);
    }

    public String value(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return dialect.booleanLiteral(b);
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
            String hex = HexFormat.of().formatHex(bytes);
            return dialect == Dialect.POSTGRESQL ? "'\\x" + hex + "'::bytea" : "X'" + hex + "'";
        }
        if (value instanceof LocalDate d) {
            return typed("DATE", d.toString());
        }
        if (value instanceof LocalTime t) {
            return typed("TIME", t.toString());
        }
        if (value instanceof LocalDateTime t) {
            return typed("TIMESTAMP", t.toString().replace('T', ' '));
        }
        if (value instanceof Instant i) {
            return value(i.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime t) {
            return typed("TIMESTAMP WITH TIME ZONE", t.toString().replace('T', ' '));
        }
        if (value instanceof UUID || value instanceof CharSequence || value instanceof Character
                || value instanceof Enum<?>) {
            return string(value.toString());
        }
        throw new IllegalArgumentException("No SQL literal for a " + value.getClass().getName()
                + "; convert it to a String, number, boolean, date/time or byte[]");
    }

    /** SQLite stores dates as text, so it gets the plain string. */
    private String typed(String type, String text) {
        return dialect == Dialect.SQLITE ? string(text) : type + " " + string(text);
    }
}
