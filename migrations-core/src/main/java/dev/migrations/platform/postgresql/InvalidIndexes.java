package dev.migrations.platform.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code CREATE INDEX CONCURRENTLY} that fails or is killed leaves an INVALID index behind: it
 * slows every write to the table, and running the statement again fails ("already exists") or,
 * with {@code IF NOT EXISTS}, silently keeps the broken index. So before such a statement runs and
 * after it fails, an INVALID index of that name on that table is dropped.
 */
final class InvalidIndexes {

    private static final Logger log = LoggerFactory.getLogger(InvalidIndexes.class);
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final Pattern CREATE_CONCURRENTLY = Pattern.compile(
            "^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*"
                    + "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME
                    + ")\\s+ON\\s+"
                    + "(?:ONLY\\s+)?(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The index a statement builds concurrently: its name as stored, and its table as written. */
    record Target(String index, String table) {}

    private InvalidIndexes() {}

    /** The named index {@code sql} builds concurrently, or null when it builds none (or an unnamed one). */
    static Target of(String sql) {
        Matcher m = CREATE_CONCURRENTLY.matcher(sql);
        if (!m.lookingAt()) {
            return null;
        }
        String index = m.group(1);
        String stored = index.startsWith("\"")
                ? index.substring(1, index.length() - 1).replace("\"\"", "\"")
                : index.toLowerCase(Locale.ROOT);
        return new Target(stored, m.group(2));
    }

    /** Drops the target if it exists and is INVALID; {@code why} says where it came from, for the log. */
    static void dropIfInvalid(Connection connection, Target target, String why) throws SQLException {
        String qualified = null;
        try (PreparedStatement s = connection.prepareStatement("SELECT format('%I.%I', n.nspname, ci.relname)"
                + " FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_namespace n ON n.oid ="
                + " ci.relnamespace WHERE i.indrelid = to_regclass(?) AND ci.relname = ? AND NOT i.indisvalid")) {
            s.setString(1, target.table());
            s.setString(2, target.index());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    qualified = rs.getString(1);
                }
            }
        }
        if (qualified == null) {
            return;
        }
        log.warn("Dropping INVALID index {} {}, so CREATE INDEX CONCURRENTLY can build it cleanly", qualified, why);
        try (Statement s = connection.createStatement()) {
            s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified);
        }
    }
}
