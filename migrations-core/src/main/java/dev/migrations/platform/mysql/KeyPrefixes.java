package dev.migrations.platform.mysql;

import dev.migrations.ops.CreateIndex;
import dev.migrations.schema.Index;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prefix lengths that make an index over long text columns fit the server's key limit, for the
 * scratch build of the entities' schema: the whole of each column that fits in an even share of
 * the limit, and a prefix of the share for the others (each non-text column counted at 8 bytes).
 */
final class KeyPrefixes {

    private static final Pattern LIMIT = Pattern.compile("max key length is (\\d+) bytes");
    private static final int NON_TEXT_BYTES = 8;

    private KeyPrefixes() {}

    /** Whether {@code failure} is the server's "Specified key was too long" (1071). */
    static boolean tooLong(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == MysqlFailures.KEY_TOO_LONG) {
                return true;
            }
        }
        return false;
    }

    /** The limit the server named, in bytes; 3072 (InnoDB's DYNAMIC rows) when it named none. */
    static int limit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = LIMIT.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 3072;
    }

    /** {@code op} with prefix lengths on its long text columns, read from the connection's current database. */
    static CreateIndex fitted(Connection connection, CreateIndex op, int limit) throws SQLException {
        Index index = op.index();
        Map<String, long[]> text = new HashMap<>(); // column -> characters, bytes
        try (PreparedStatement s = connection.prepareStatement("SELECT COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH,"
                + " CHARACTER_OCTET_LENGTH FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? AND CHARACTER_OCTET_LENGTH IS NOT NULL")) {
            s.setString(1, index.table());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    text.put(
                            rs.getString(1).toLowerCase(java.util.Locale.ROOT),
                            new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        long budget = limit;
        List<String> pending = new ArrayList<>();
        for (String entry : index.columns()) {
            String column = Index.columnOf(entry);
            long[] size = column == null ? null : text.get(column.toLowerCase(java.util.Locale.ROOT));
            if (size == null) {
                budget -= NON_TEXT_BYTES;
            } else if (Index.prefixLength(entry) == null) {
                pending.add(column.toLowerCase(java.util.Locale.ROOT));
            }
        }
        // columns that fit in an even share keep their whole length, leaving more to share among the rest
        boolean settled = false;
        while (!settled && !pending.isEmpty()) {
            settled = true;
            long share = budget / pending.size();
            for (String column : List.copyOf(pending)) {
                if (text.get(column)[1] <= share) {
                    budget -= text.get(column)[1];
                    pending.remove(column);
                    settled = false;
                }
            }
        }
        List<String> entries = new ArrayList<>();
        for (String entry : index.columns()) {
            String column = Index.columnOf(entry);
            String key = column == null ? null : column.toLowerCase(java.util.Locale.ROOT);
            if (key != null && pending.contains(key)) {
                long[] size = text.get(key);
                long bytesPerChar = Math.max(1, size[1] / Math.max(1, size[0]));
                long prefix = Math.max(1, budget / pending.size() / bytesPerChar);
                entries.add(column + "(" + prefix + ")" + entry.strip().substring(column.length()));
            } else {
                entries.add(entry);
            }
        }
        Index fitted = new Index(index.name(), index.schema(), index.table(), entries, index.unique(), index.where());
        return new CreateIndex(fitted, op.concurrently(), op.ifNotExists(), op.online());
    }
}
