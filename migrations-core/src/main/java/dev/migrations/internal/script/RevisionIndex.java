package dev.migrations.internal.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The build-time index of one location in one classpath root: every revision the build packaged
 * there, with its header and checksum, so a boot reads this one resource instead of listing,
 * loading and hashing every script. It sits next to the scripts, as {@code <location>/migrations.index}
 * (so each jar or directory carries its own), and is written by the annotation processor in
 * {@code dev.migrations.index}.
 *
 * <p>Text, one entry a line, fields separated by tabs (tabs, newlines and backslashes in values are
 * escaped): {@code sql path size crc32 checksum header...} for a SQL file (path relative to the
 * location), {@code java class - - checksum header...} for a Java revision ({@code -} when only the
 * running class can give its checksum), {@code class name} for any other class in the package (so a
 * listing of the root can be compared with the index). The header fields are id, down revisions,
 * branch labels, depends_on (comma-separated), transactional, create date, message, then one field
 * per lint_ignore entry.
 */
public final class RevisionIndex {

    public static final String FILE_NAME = "migrations.index";

    /** Bumped whenever the layout changes; an index of another format is ignored and the location scanned. */
    public static final int FORMAT = 1;

    private static final String NONE = "-";

    public enum Kind {
        SQL,
        JAVA,
        CLASS
    }

    /**
     * One line of the index. {@code path} is a SQL file's path below the location or a class's binary
     * name; size and CRC-32 are the file's bytes (SQL only, -1 otherwise); checksum is null when
     * unknown at build time; header is null for a class that is not a revision.
     */
    public record Entry(Kind kind, String path, long size, long crc, String checksum, MigrationScript.Header header) {}

    private final String location;
    private final List<Entry> entries;

    public RevisionIndex(String location, List<Entry> entries) {
        this.location = location;
        this.entries = List.copyOf(entries);
    }

    public String location() {
        return location;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The index as the build writes it. */
    public String write() {
        StringBuilder out = new StringBuilder();
        out.append("# migrations revision index, written at build time from the packaged revisions; do not edit\n");
        out.append("format\t").append(FORMAT).append('\n');
        out.append("location\t").append(escape(location)).append('\n');
        for (Entry e : entries) {
            List<String> fields = new ArrayList<>();
            fields.add(e.kind().name().toLowerCase(java.util.Locale.ROOT));
            fields.add(e.path());
            if (e.kind() != Kind.CLASS) {
                fields.add(e.size() < 0 ? NONE : Long.toString(e.size()));
                fields.add(e.crc() < 0 ? NONE : Long.toHexString(e.crc()));
                fields.add(e.checksum() == null ? NONE : e.checksum());
                MigrationScript.Header h = e.header();
                fields.add(h.id());
                fields.add(String.join(",", h.downRevisions()));
                fields.add(String.join(",", h.branchLabels()));
                fields.add(String.join(",", h.dependsOn()));
                fields.add(Boolean.toString(h.transactional()));
                fields.add(h.createDate() == null ? "" : h.createDate());
                fields.add(h.message() == null ? "" : h.message());
                fields.addAll(h.lintIgnore());
            }
            out.append(String.join(
                            "\t", fields.stream().map(RevisionIndex::escape).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Reads an index, or nothing when it is of another format or damaged: the caller then scans, as
     * it would without an index. Never throws for a bad index, since the scripts themselves are there.
     */
    public static Optional<RevisionIndex> read(String text) {
        String location = null;
        boolean formatSeen = false;
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : text.split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = unescape(f[i]);
                }
                switch (f[0]) {
                    case "format" -> {
                        if (Integer.parseInt(f[1]) != FORMAT) {
                            return Optional.empty();
                        }
                        formatSeen = true;
                    }
                    case "location" -> location = f[1];
                    case "class" -> entries.add(new Entry(Kind.CLASS, f[1], -1, -1, null, null));
                    case "sql", "java" -> entries.add(revision(f));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!formatSeen || location == null) {
            return Optional.empty();
        }
        return Optional.of(new RevisionIndex(location, entries));
    }

    private static Entry revision(String[] f) {
        if (f.length < 12) {
            throw new IllegalArgumentException("short index line");
        }
        MigrationScript.Header header = new MigrationScript.Header(
                f[5],
                list(f[6]),
                list(f[7]),
                list(f[8]),
                f[11],
                f[10],
                Boolean.parseBoolean(f[9]),
                Arrays.asList(f).subList(12, f.length));
        Kind kind = f[0].equals("sql") ? Kind.SQL : Kind.JAVA;
        return new Entry(
                kind,
                f[1],
                f[2].equals(NONE) ? -1 : Long.parseLong(f[2]),
                f[3].equals(NONE) ? -1 : Long.parseLong(f[3], 16),
                f[4].equals(NONE) ? null : f[4],
                header);
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
