package dev.migrations.platform.postgresql;

import dev.migrations.schema.ColumnType;
import dev.migrations.schema.ColumnType.Kind;
import java.util.Locale;

/**
 * Which column type changes PostgreSQL makes without rewriting the table: those whose old values are
 * valid in the new type as they are stored (binary coercible, no length check). A longer varchar or
 * an unbounded one, varchar to text and back to an unbounded varchar, and a numeric that keeps its
 * scale and grows its precision (or loses its limit) touch only the catalog; anything else rewrites
 * the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock.
 */
final class PostgresTypeChanges {

    private PostgresTypeChanges() {}

    /** True when changing a column from {@code from} to {@code to} rewrites the table. */
    static boolean rewrites(ColumnType from, ColumnType to) {
        return !sameStorage(from, to);
    }

    private static boolean sameStorage(ColumnType from, ColumnType to) {
        Kind a = from.kind();
        Kind b = to.kind();
        if (from.equals(to) || a == Kind.TINYINT && b == Kind.SMALLINT || a == Kind.SMALLINT && b == Kind.TINYINT) {
            return true; // both smallint here; CLOB is a large object (oid), not text
        }
        if (a == Kind.RAW && b == Kind.RAW) {
            return normalized(from.raw()).equals(normalized(to.raw()));
        }
        if (a == Kind.VARCHAR && b == Kind.VARCHAR) {
            return to.length() == null || (from.length() != null && to.length() >= from.length());
        }
        if (a == Kind.VARCHAR && b == Kind.TEXT) {
            return true;
        }
        if (a == Kind.TEXT && b == Kind.VARCHAR) {
            return to.length() == null;
        }
        if (a == Kind.TEXT && b == Kind.TEXT) {
            return true;
        }
        if (a == Kind.DECIMAL && b == Kind.DECIMAL) {
            return to.precision() == null
                    || (from.precision() != null
                            && to.precision() >= from.precision()
                            && java.util.Objects.equals(scale(from), scale(to)));
        }
        return false;
    }

    private static Integer scale(ColumnType t) {
        return t.scale() == null ? 0 : t.scale();
    }

    private static String normalized(String raw) {
        return raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
