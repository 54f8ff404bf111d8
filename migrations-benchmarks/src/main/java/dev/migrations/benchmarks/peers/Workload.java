package dev.migrations.benchmarks.peers;

import dev.migrations.index.SqlIndexEntries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The same N migrations in each tool's own format. Migration i creates a table with a few columns
 * and an index; every tenth also adds a column to a table created five migrations earlier, so the
 * work is more than a stack of independent CREATEs.
 */
final class Workload {

    /** Where the indexed variant's revisions sit in its jar. */
    static final String INDEXED_LOCATION = "bench/migrations";

    private Workload() {}

    static Path indexedJar(Path dir) {
        return dir.resolve("indexed.jar");
    }

    /** The statements of migration {@code i} (1-based). */
    static List<String> statements(int i) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE bench_t" + i + " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, amount INTEGER,"
                + " created_at TIMESTAMP)");
        sql.add("CREATE INDEX bench_t" + i + "_name ON bench_t" + i + " (name)");
        if (i % 10 == 0) {
            sql.add("ALTER TABLE bench_t" + (i - 5) + " ADD COLUMN extra_" + i + " VARCHAR(20)");
        }
        return sql;
    }

    /** Writes {@code n} migrations under {@code dir}: {@code ours/}, {@code flyway/} and {@code liquibase/}. */
    static void write(Path dir, int n) throws IOException {
        Path ours = Files.createDirectories(dir.resolve("ours"));
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        Path liquibase = Files.createDirectories(dir.resolve("liquibase").resolve("sql"));
        for (int i = 1; i <= n; i++) {
            String body = String.join(";\n", statements(i)) + ";\n";
            String id = revision(i);
            StringBuilder script = new StringBuilder("-- revision: ").append(id).append('\n');
            if (i > 1) {
                script.append("-- down_revision: ").append(revision(i - 1)).append('\n');
            }
            script.append("-- message: migration ")
                    .append(i)
                    .append("\n\n-- +upgrade\n")
                    .append(body)
                    .append("\n-- +downgrade\nDROP TABLE bench_t")
                    .append(i)
                    .append(";\n");
            Files.writeString(ours.resolve(String.format("%06d_%s.sql", i, id)), script);
            Files.writeString(flyway.resolve("V" + i + "__migration_" + i + ".sql"), body);
            Files.writeString(
                    liquibase.resolve(String.format("%06d.sql", i)),
                    "--liquibase formatted sql\n\n--changeset bench:" + i + "\n" + body);
        }
        writeIndexedJar(dir, ours);
        Files.writeString(dir.resolve("liquibase").resolve("changelog.yaml"), """
                databaseChangeLog:
                  - includeAll:
                      path: sql/
                      relativeToChangelogFile: true
                """);
    }

    /**
     * Our revisions in a jar as a build packages them: the files under {@link #INDEXED_LOCATION} and the
     * index the processor would write beside them, made by the same code ({@link SqlIndexEntries}).
     */
    private static void writeIndexedJar(Path dir, Path ours) throws IOException {
        Path classes = dir.resolve("indexed-classes");
        Path location = Files.createDirectories(classes.resolve(INDEXED_LOCATION));
        try (Stream<Path> files = Files.list(ours)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, location.resolve(file.getFileName().toString()));
            }
        }
        SqlIndexEntries.write(classes, INDEXED_LOCATION);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(indexedJar(dir)));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file :
                    (Iterable<Path>) files.filter(f -> !f.equals(classes)).sorted()::iterator) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                jar.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (Files.isRegularFile(file)) {
                    Files.copy(file, jar);
                }
                jar.closeEntry();
            }
        }
    }

    static String revision(int i) {
        return String.format("r%06d", i);
    }
}
