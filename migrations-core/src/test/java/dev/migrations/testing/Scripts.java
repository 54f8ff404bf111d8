package dev.migrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes SQL revision files into a folder, so tests build the graph they need on disk. */
public final class Scripts {

    private final Path dir;
    private int counter;

    public Scripts(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String location() {
        return "filesystem:" + dir;
    }

    /** A revision that creates table {@code t_<id>} and drops it on downgrade. */
    public Path table(String id, String down) {
        return sql(
                id,
                down,
                "CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY, name VARCHAR(50));",
                "DROP TABLE t_" + id + ";");
    }

    public Path sql(String id, String down, String upgrade, String downgrade) {
        return write(
                String.format("%03d_%s.sql", counter++, id),
                "-- revision: " + id + "\n"
                        + (down == null ? "" : "-- down_revision: " + down + "\n") + "-- message: revision " + id
                        + "\n\n"
                        + "-- +upgrade\n" + upgrade + "\n\n-- +downgrade\n" + downgrade + "\n");
    }

    public Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
