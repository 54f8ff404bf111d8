package dev.migrations.platform;

import java.util.Locale;

/**
 * A table's size as the database's catalog estimates it.
 *
 * @param rows estimated rows, or null when unknown
 * @param bytes size on disk, or null when unknown
 */
public record TableSize(Long rows, Long bytes) {

    public static final TableSize UNKNOWN = new TableSize(null, null);

    public boolean known() {
        return rows != null;
    }

    @Override
    public String toString() {
        if (rows == null) {
            return "size unknown";
        }
        String text = String.format(Locale.ROOT, "~%,d rows", rows);
        return bytes == null ? text : text + ", " + bytesText(bytes);
    }

    private static String bytesText(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%d kB", (bytes + 1023) / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
