package dev.migrations.index;

import dev.migrations.internal.script.Location;
import dev.migrations.internal.script.RevisionIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * What the build indexed for one classpath location, across every jar and directory that carries an
 * index for it: the exact resources and classes a native image must keep (Spring AOT hints are made
 * from this), without scanning anything.
 *
 * @param location the location's classpath path, such as {@code db/migrations}
 * @param indexResource the index's resource path
 * @param sqlResources every indexed SQL file, as a resource path
 * @param javaClasses every indexed Java revision class, by binary name
 */
public record IndexedLocation(
        String location, String indexResource, List<String> sqlResources, List<String> javaClasses) {

    /**
     * The indexed content of a location ({@code classpath:db/migrations}, or a bare path), or nothing
     * for a {@code filesystem:} location or one no classpath root has an index for.
     */
    public static Optional<IndexedLocation> find(ClassLoader loader, String location) {
        Location parsed = Location.parse(location);
        if (parsed.kind() != Location.Kind.CLASSPATH) {
            return Optional.empty();
        }
        String indexResource = parsed.path() + "/" + RevisionIndex.FILE_NAME;
        List<String> sql = new ArrayList<>();
        List<String> java = new ArrayList<>();
        boolean found = false;
        try {
            for (Enumeration<URL> urls = loader.getResources(indexResource); urls.hasMoreElements(); ) {
                String text;
                try (InputStream in = urls.nextElement().openStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Optional<RevisionIndex> index = RevisionIndex.read(text);
                if (index.isEmpty()) {
                    continue;
                }
                found = true;
                for (RevisionIndex.Entry entry : index.get().entries()) {
                    switch (entry.kind()) {
                        case SQL -> sql.add(parsed.path() + "/" + entry.path());
                        case JAVA -> java.add(entry.path());
                        case CLASS -> {}
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + indexResource, e);
        }
        return found
                ? Optional.of(new IndexedLocation(parsed.path(), indexResource, List.copyOf(sql), List.copyOf(java)))
                : Optional.empty();
    }
}
