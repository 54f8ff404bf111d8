package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a location's revisions in one classpath root from the root's build-time index, when the index
 * still describes the root: the same SQL files with the same sizes (and CRC-32 in a jar, modification
 * times not after the index in a directory), the same classes. Only names and sizes are compared, so
 * no script is opened. Anything else (no index, another format, a file added or edited after the
 * build, a run from an IDE that copied resources without running the processor) sends the caller back
 * to scanning, said once at debug level; the result is then exactly what a scan gives.
 */
final class IndexedRoots {

    private static final Logger log = LoggerFactory.getLogger(IndexedRoots.class);

    /**
     * javac writes the class files after the processor wrote the index, in the same run; a class much
     * newer than the index was compiled by something that did not run the processor (an IDE).
     */
    private static final long CLASS_AFTER_INDEX_MILLIS = 60_000;

    private IndexedRoots() {}

    /** One file of the root as listed: its path below the location, size, CRC-32 (-1: not known), time. */
    private record Listed(String path, long size, long crc, long modified) {}

    /** Adds the root's revisions from its index and returns true, or returns false to have the root scanned. */
    static boolean fromDirectory(Path dir, String base, ClassLoader loader, Map<String, MigrationScript> out)
            throws IOException {
        Path indexFile = dir.resolve(RevisionIndex.FILE_NAME);
        if (!Files.isRegularFile(indexFile)) {
            return scanning(dir, "it has no " + RevisionIndex.FILE_NAME);
        }
        long indexTime = Files.getLastModifiedTime(indexFile).toMillis();
        List<Listed> listed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(file).toString().replace('\\', '/');
                if (rel.endsWith(".sql") || rel.endsWith(".class")) {
                    listed.add(new Listed(
                            rel,
                            Files.size(file),
                            -1,
                            Files.getLastModifiedTime(file).toMillis()));
                }
            }
        }
        return use(
                dir.toString(),
                Files.readString(indexFile, StandardCharsets.UTF_8),
                indexTime,
                listed,
                base,
                loader,
                path -> () -> readFile(dir.resolve(path)),
                out);
    }

    /** The same for a location inside a jar; {@code rootUrl} is the location's URL, used to read a file later. */
    static boolean fromJar(
            JarFile jar, String prefix, URL rootUrl, String base, ClassLoader loader, Map<String, MigrationScript> out)
            throws IOException {
        JarEntry indexEntry = jar.getJarEntry(prefix + RevisionIndex.FILE_NAME);
        if (indexEntry == null) {
            return scanning(rootUrl, "it has no " + RevisionIndex.FILE_NAME);
        }
        String text;
        try (InputStream in = jar.getInputStream(indexEntry)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Listed> listed = new ArrayList<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(prefix) && (name.endsWith(".sql") || name.endsWith(".class"))) {
                listed.add(new Listed(name.substring(prefix.length()), entry.getSize(), entry.getCrc(), -1));
            }
        }
        String root = rootUrl.toString().endsWith("/") ? rootUrl.toString() : rootUrl + "/";
        return use(
                rootUrl.toString(),
                text,
                Long.MAX_VALUE,
                listed,
                base,
                loader,
                path -> () -> readUrl(root + path),
                out);
    }

    /**
     * A root that cannot be listed (a native image's {@code resource:} URLs): its index is taken as it
     * is, since such an image is built from the very files the index describes.
     */
    static boolean fromUrl(URL rootUrl, String base, ClassLoader loader, Map<String, MigrationScript> out) {
        String root = rootUrl.toString().endsWith("/") ? rootUrl.toString() : rootUrl + "/";
        String text;
        try {
            text = readUrl(root + RevisionIndex.FILE_NAME);
        } catch (MigrationsException e) {
            return scanning(rootUrl, "it cannot be listed and has no readable " + RevisionIndex.FILE_NAME);
        }
        Optional<RevisionIndex> index = RevisionIndex.read(text);
        if (index.isEmpty()) {
            return false;
        }
        List<Listed> listed = new ArrayList<>();
        for (RevisionIndex.Entry entry : index.get().entries()) {
            listed.add(
                    entry.kind() == RevisionIndex.Kind.SQL
                            ? new Listed(entry.path(), entry.size(), entry.crc(), -1)
                            : new Listed(
                                    entry.path().substring(base.length() + 1).replace('.', '/') + ".class",
                                    -1,
                                    -1,
                                    -1));
        }
        return use(rootUrl, text, Long.MAX_VALUE, listed, base, loader, path -> () -> readUrl(root + path), out);
    }

    private static boolean use(
            Object root,
            String text,
            long indexTime,
            List<Listed> listed,
            String base,
            ClassLoader loader,
            java.util.function.Function<String, Supplier<String>> readers,
            Map<String, MigrationScript> out) {
        Optional<RevisionIndex> read = RevisionIndex.read(text);
        if (read.isEmpty()) {
            return scanning(
                    root,
                    "its " + RevisionIndex.FILE_NAME + " is damaged or of another format than " + RevisionIndex.FORMAT);
        }
        RevisionIndex index = read.get();
        if (!index.location().equals(base)) {
            return scanning(root, "its index describes location " + index.location());
        }
        Map<String, RevisionIndex.Entry> sql = new HashMap<>();
        Map<String, RevisionIndex.Entry> classes = new HashMap<>();
        for (RevisionIndex.Entry entry : index.entries()) {
            if (entry.kind() == RevisionIndex.Kind.SQL) {
                sql.put(entry.path(), entry);
            } else {
                classes.put(entry.path(), entry);
            }
        }
        int sqlSeen = 0;
        int classesSeen = 0;
        for (Listed file : listed) {
            if (file.path().endsWith(".sql")) {
                RevisionIndex.Entry entry = sql.get(file.path());
                if (entry == null) {
                    return scanning(root, file.path() + " is not in its index");
                }
                if (entry.size() != file.size()
                        || (file.crc() >= 0 && entry.crc() != file.crc())
                        || file.modified() > indexTime) {
                    return scanning(root, file.path() + " changed after its index was written");
                }
                sqlSeen++;
            } else if (!file.path().contains("$") && !file.path().endsWith("package-info.class")) {
                String resource = base + "/" + file.path();
                String className = resource.substring(0, resource.length() - ".class".length())
                        .replace('/', '.');
                if (!classes.containsKey(className)) {
                    return scanning(root, "class " + className + " is not in its index");
                }
                if (file.modified() - CLASS_AFTER_INDEX_MILLIS > indexTime) {
                    return scanning(root, "class " + className + " was compiled after its index was written");
                }
                classesSeen++;
            }
        }
        if (sqlSeen != sql.size() || classesSeen != classes.size()) {
            return scanning(root, "its index lists files that are not there");
        }
        for (RevisionIndex.Entry entry : index.entries()) {
            switch (entry.kind()) {
                case SQL ->
                    out.put(
                            base + "/" + entry.path(),
                            new SqlMigrationScript(
                                    entry.header(),
                                    base + "/" + entry.path(),
                                    entry.checksum(),
                                    readers.apply(entry.path())));
                case JAVA ->
                    out.put(
                            entry.path().replace('.', '/') + ".class",
                            new JavaMigrationScript(entry.header(), entry.path(), loader));
                case CLASS -> {}
            }
        }
        return true;
    }

    private static boolean scanning(Object root, String why) {
        log.debug("Scanning the migrations in {}: {}", root, why);
        return false;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration " + file, e);
        }
    }

    private static String readUrl(String url) {
        try {
            // cached: a jar's directory is read once, not once per revision that runs
            URLConnection connection = new URL(url).openConnection();
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MigrationsException(
                    "Cannot read migration " + url + ": " + e
                            + ". Rebuild the application so its revision index matches what it packages.",
                    e);
        }
    }
}
