package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;

/**
 * Where revisions live: {@code classpath:db/migrations} (SQL files in that folder and Java classes
 * in the package {@code db.migrations}, in directories or jars) or {@code filesystem:path}
 * ({@code file:} is an alias) for SQL files on disk. A bare path means the classpath.
 */
public record Location(Kind kind, String path) {

    public enum Kind {
        CLASSPATH,
        FILESYSTEM
    }

    public static Location parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new MigrationsException("Empty migrations location; use classpath:<folder> or filesystem:<path>.");
        }
        if (t.startsWith("classpath:")) {
            return new Location(Kind.CLASSPATH, trimSlashes(t.substring("classpath:".length())));
        }
        if (t.startsWith("filesystem:")) {
            return new Location(Kind.FILESYSTEM, t.substring("filesystem:".length()));
        }
        if (t.startsWith("file:")) {
            return new Location(Kind.FILESYSTEM, t.substring("file:".length()));
        }
        if (t.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !t.matches("^[a-zA-Z]:[\\\\/].*")) {
            throw new MigrationsException("Unknown location prefix in '" + t + "'; use classpath: or filesystem:.");
        }
        return new Location(Kind.CLASSPATH, trimSlashes(t));
    }

    private static String trimSlashes(String path) {
        String p = path.strip().replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Override
    public String toString() {
        return (kind == Kind.CLASSPATH ? "classpath:" : "filesystem:") + path;
    }
}
