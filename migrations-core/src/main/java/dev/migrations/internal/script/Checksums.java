package dev.migrations.internal.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checksum algorithm version 1: SHA-256 of the text after removing a byte-order mark, turning
 * CRLF and CR into LF, trimming trailing whitespace on every line and trailing blank lines. So a
 * checkout with other line endings or an editor that adds a BOM never reports drift, while any
 * change to what runs does. This must never change for existing scripts: a new algorithm gets a
 * new version.
 */
public final class Checksums {

    private Checksums() {}

    public static String normalize(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /**
     * A Java revision's checksum: the same digest over the canonical form of the operations its
     * upgrade and its downgrade record, one per line, the two parts marked.
     */
    public static String ofOperations(List<String> upgrade, List<String> downgrade) {
        return of("-- +upgrade\n" + String.join("\n", upgrade) + "\n-- +downgrade\n" + String.join("\n", downgrade));
    }

    public static String of(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalize(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
