package dev.migrations.autogenerate.compare;

import dev.migrations.schema.ColumnType;
import dev.migrations.schema.ColumnType.Kind;
import java.util.List;

/** Which type changes keep every value as it is, so a generated migration need not warn about them. */
final class TypeChanges {

    private static final List<Kind> INTEGERS = List.of(Kind.TINYINT, Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT);

    private TypeChanges() {}

    static boolean widens(ColumnType from, ColumnType to) {
        if (INTEGERS.contains(from.kind()) && INTEGERS.contains(to.kind())) {
            return INTEGERS.indexOf(to.kind()) >= INTEGERS.indexOf(from.kind());
        }
        if (from.kind() == Kind.VARCHAR && to.kind() == Kind.TEXT) {
            return true;
        }
        if (from.kind() != to.kind()) {
            return false;
        }
        return switch (from.kind()) {
            case VARCHAR, CHAR, BINARY -> to.length() == null || from.length() != null && to.length() >= from.length();
            case DECIMAL ->
                to.precision() == null
                        || from.precision() != null
                                && to.scale() >= from.scale()
                                && to.precision() - to.scale() >= from.precision() - from.scale();
            case TIME, TIMESTAMP, TIMESTAMP_TZ ->
                to.precision() == null || from.precision() != null && to.precision() >= from.precision();
            default -> false;
        };
    }
}
