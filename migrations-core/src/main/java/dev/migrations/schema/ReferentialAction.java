package dev.migrations.schema;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"),
    RESTRICT("RESTRICT"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** Parses the catalog's spelling ({@code SET NULL}, {@code set_null}, {@code cascade}...). */
    public static ReferentialAction parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toUpperCase(java.util.Locale.ROOT).replace('_', ' ');
        for (ReferentialAction a : values()) {
            if (a.sql.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown referential action: " + text);
    }
}
