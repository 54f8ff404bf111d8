package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a SQL revision file: the leading {@code -- key: value} block with Alembic's key names,
 * then the {@code -- +upgrade} and {@code -- +downgrade} sections. Anything malformed is reported
 * with the file and line, because a mistyped {@code down_revision} would otherwise silently turn a
 * revision into a new root.
 */
public final class SqlScriptParser {

    /** The one key that may repeat: each line accepts one lint finding, {@code rule-id: reason}. */
    static final String LINT_IGNORE = "lint_ignore";

    static final Set<String> KEYS = Set.of(
            "revision",
            "down_revision",
            "branch_labels",
            "depends_on",
            "message",
            "transactional",
            "create_date",
            LINT_IGNORE);
    private static final String UPGRADE = "-- +upgrade";
    private static final String DOWNGRADE = "-- +downgrade";
    // Compiled once: a boot reads every revision file, so per-line regex compilation adds up at 10,000 files.
    private static final Pattern MARKER = Pattern.compile("^--\\s*\\+");
    private static final Pattern KEY = Pattern.compile("[a-z_]+");
    private static final Pattern LIST_PUNCTUATION = Pattern.compile("[()\\[\\]'\"]");

    private SqlScriptParser() {}

    public static SqlMigrationScript parse(String source, String rawText) {
        String text = rawText.startsWith("\uFEFF") ? rawText.substring(1) : rawText;
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, String> header = new LinkedHashMap<>();
        List<String> lintIgnore = new ArrayList<>();
        int upgradeAt = -1;
        int downgradeAt = -1;
        boolean inHeader = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            String marker = line.startsWith("--")
                    ? MARKER.matcher(line.toLowerCase(Locale.ROOT)).replaceFirst("-- +")
                    : line;
            if (marker.equals(UPGRADE) || marker.startsWith(UPGRADE + " ")) {
                if (upgradeAt >= 0) {
                    throw malformed(source, lineNo, "a second '-- +upgrade' marker");
                }
                if (downgradeAt >= 0) {
                    throw malformed(source, lineNo, "'-- +upgrade' must come before '-- +downgrade'");
                }
                upgradeAt = i;
                inHeader = false;
                continue;
            }
            if (marker.equals(DOWNGRADE) || marker.startsWith(DOWNGRADE + " ")) {
                if (upgradeAt < 0) {
                    throw malformed(source, lineNo, "'-- +downgrade' before any '-- +upgrade' marker");
                }
                if (downgradeAt >= 0) {
                    throw malformed(source, lineNo, "a second '-- +downgrade' marker");
                }
                downgradeAt = i;
                continue;
            }
            if (!inHeader) {
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("--")) {
                throw malformed(
                        source,
                        lineNo,
                        "SQL before the '-- +upgrade' marker; put statements in the" + " upgrade or downgrade section");
            }
            String content = line.substring(2).strip();
            int colon = content.indexOf(':');
            if (colon <= 0) {
                continue; // a plain comment in the header
            }
            String key = content.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!KEY.matcher(key).matches()) {
                continue;
            }
            if (!KEYS.contains(key)) {
                throw malformed(
                        source,
                        lineNo,
                        "unknown header key '" + key + "' (known keys: "
                                + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
            if (key.equals(LINT_IGNORE)) {
                lintIgnore.add(content.substring(colon + 1).strip());
                continue;
            }
            if (header.containsKey(key)) {
                throw malformed(source, lineNo, "header key '" + key + "' given twice");
            }
            header.put(key, content.substring(colon + 1).strip());
        }
        if (upgradeAt < 0) {
            throw new MigrationsException("Malformed migration " + source + ": no '-- +upgrade' marker. A SQL"
                    + " revision needs a '-- key: value' header, then '-- +upgrade' and '-- +downgrade' sections.");
        }
        String id = header.get("revision");
        if (id == null || id.isEmpty()) {
            throw new MigrationsException("Malformed migration " + source + ": the header has no 'revision:'"
                    + " line. Add '-- revision: <id>' at the top.");
        }
        boolean transactional = true;
        String tx = header.get("transactional");
        if (tx != null) {
            if (!tx.equalsIgnoreCase("true") && !tx.equalsIgnoreCase("false")) {
                throw new MigrationsException("Malformed migration " + source + ": 'transactional' must be true"
                        + " or false, not '" + tx + "'.");
            }
            transactional = Boolean.parseBoolean(tx.toLowerCase(Locale.ROOT));
        }
        MigrationScript.Header parsed = new MigrationScript.Header(
                id,
                list(header.get("down_revision")),
                list(header.get("branch_labels")),
                list(header.get("depends_on")),
                header.getOrDefault("message", ""),
                header.getOrDefault("create_date", ""),
                transactional,
                lintIgnore);
        int upgradeEnd = downgradeAt >= 0 ? downgradeAt : lines.length;
        String upgradeSql = join(lines, upgradeAt + 1, upgradeEnd);
        String downgradeSql = downgradeAt >= 0 ? join(lines, downgradeAt + 1, lines.length) : null;
        String body = join(lines, upgradeAt, lines.length);
        return new SqlMigrationScript(parsed, source, body, upgradeSql, upgradeAt + 2, downgradeSql, downgradeAt + 2);
    }

    /** Comma-separated ids; empty, {@code None} and {@code null} mean none. */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        String v = value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("none") || v.equalsIgnoreCase("null")) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String part :
                Arrays.asList(LIST_PUNCTUATION.matcher(v).replaceAll("").split(","))) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    private static String join(String[] lines, int from, int to) {
        return String.join("\n", Arrays.asList(lines).subList(Math.min(from, to), to));
    }

    private static MigrationsException malformed(String source, int line, String what) {
        return new MigrationsException("Malformed migration " + source + ":" + line + ": " + what + ".");
    }
}
