package dev.migrations.index;

import dev.migrations.internal.script.RevisionIndex;
import dev.migrations.internal.script.SqlMigrationScript;
import dev.migrations.internal.script.SqlScriptParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The index entries of the SQL files of one location directory, read with the engine's own parser
 * and checksum, so the index says exactly what a scan would. Also used by tools that package
 * revisions without javac (the benchmarks build their generated sets' indexes with it).
 */
public final class SqlIndexEntries {

    private SqlIndexEntries() {}

    /** Every {@code .sql} file under {@code directory} (none when it does not exist), sorted by path. */
    public static List<RevisionIndex.Entry> of(Path directory, String location) throws IOException {
        List<RevisionIndex.Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String rel = directory.relativize(file).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(file);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            SqlMigrationScript script =
                    SqlScriptParser.parse(location + "/" + rel, new String(bytes, StandardCharsets.UTF_8));
            entries.add(new RevisionIndex.Entry(
                    RevisionIndex.Kind.SQL, rel, bytes.length, crc.getValue(), script.checksum(), script.header()));
        }
        return entries;
    }

    /** Writes the index of the SQL files of {@code location} under a classpath root directory. */
    public static void write(Path classpathRoot, String location) throws IOException {
        Path directory = classpathRoot.resolve(location);
        Files.writeString(
                directory.resolve(RevisionIndex.FILE_NAME),
                new RevisionIndex(location, of(directory, location)).write(),
                StandardCharsets.UTF_8);
    }
}
