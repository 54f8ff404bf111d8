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
            case RAW -> enumValuesKept(from.raw(), to.raw());
            default -> false;
        };
    }

    private static final java.util.regex.Pattern ENUM_COLUMN =
            java.util.regex.Pattern.compile("(?i)(enum|set)\\s*\\((.*)\\)");

    /** An {@code enum(...)} or {@code set(...)} column type whose new values keep the old ones, in order. */
    private static boolean enumValuesKept(String from, String to) {
        java.util.regex.Matcher a = ENUM_COLUMN.matcher(from.strip());
        java.util.regex.Matcher b = ENUM_COLUMN.matcher(to.strip());
        if (!a.matches() || !b.matches() || !a.group(1).equalsIgnoreCase(b.group(1))) {
            return false;
        }
        List<String> before = List.of(a.group(2).replace(" ", "").split(","));
        List<String> after = List.of(b.group(2).replace(" ", "").split(","));
        return after.size() >= before.size() && after.subList(0, before.size()).equals(before);
    }
}
