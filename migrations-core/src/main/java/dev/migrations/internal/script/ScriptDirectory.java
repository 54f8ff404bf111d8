package dev.migrations.internal.script;

import dev.migrations.api.Migration;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Revision;
import dev.migrations.internal.graph.MigrationPlanner;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.graph.RevisionNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All revisions found under the configured locations, SQL files and Java classes together, and
 * the graph they form. Files are read once; SQL bodies are split only when they run. A classpath root
 * that carries a current build-time index ({@link RevisionIndex}) is not scanned at all.
 */
public final class ScriptDirectory {

    private static final Logger log = LoggerFactory.getLogger(ScriptDirectory.class);

    private final List<Location> locations;
    private final Map<String, MigrationScript> scripts;
    private final RevisionGraph graph;
    private final MigrationPlanner planner;

    private ScriptDirectory(List<Location> locations, List<MigrationScript> found) {
        this.locations = List.copyOf(locations);
        Map<String, MigrationScript> byId = new LinkedHashMap<>();
        List<RevisionNode> nodes = new ArrayList<>(found.size());
        for (MigrationScript script : found) {
            nodes.add(script.node());
            byId.putIfAbsent(script.id(), script);
        }
        this.graph = RevisionGraph.of(nodes);
        this.scripts = Collections.unmodifiableMap(byId);
        this.planner = new MigrationPlanner(graph);
    }

    /** Scans the locations and validates the graph. */
    public static ScriptDirectory load(List<Location> locations, ClassLoader classLoader) {
        return load(locations, List.of(), classLoader);
    }

    /**
     * Scans the locations, adds the scripts given in code and validates the graph. A migration object
     * given in code replaces the scanned script of the same class: a Spring bean living in the scanned
     * package is one revision, built with its constructor arguments, not two.
     */
    public static ScriptDirectory load(List<Location> locations, List<MigrationScript> given, ClassLoader classLoader) {
        List<MigrationScript> found = new ArrayList<>();
        for (Location location : locations) {
            TreeMap<String, MigrationScript> sorted = new TreeMap<>();
            if (location.kind() == Location.Kind.FILESYSTEM) {
                scanFilesystem(location, sorted);
            } else {
                scanClasspath(location, classLoader, sorted);
            }
            found.addAll(sorted.values());
        }
        if (given.isEmpty()) {
            return new ScriptDirectory(locations, found);
        }
        // By class name, so a revision known from the index is not loaded just to be compared.
        Set<String> givenTypes = new HashSet<>();
        for (MigrationScript script : given) {
            if (script instanceof JavaMigrationScript java) {
                givenTypes.add(java.type().getName());
            }
        }
        List<MigrationScript> all = new ArrayList<>();
        for (MigrationScript script : found) {
            if (!(script instanceof JavaMigrationScript && givenTypes.contains(script.source()))) {
                all.add(script);
            }
        }
        all.addAll(given);
        return new ScriptDirectory(locations, all);
    }

    /** Builds a directory from scripts already in hand (tests, generated sets). */
    public static ScriptDirectory of(List<MigrationScript> scripts) {
        return new ScriptDirectory(List.of(), scripts);
    }

    public List<Location> locations() {
        return locations;
    }

    public RevisionGraph graph() {
        return graph;
    }

    public MigrationPlanner planner() {
        return planner;
    }

    public MigrationScript script(String id) {
        return scripts.get(id);
    }

    public java.util.Collection<MigrationScript> scripts() {
        return scripts.values();
    }

    // ---------------------------------------------------------------- filesystem

    private static void scanFilesystem(Location location, Map<String, MigrationScript> out) {
        Path root = Paths.get(location.path());
        if (!Files.isDirectory(root)) {
            throw new MigrationsException("Migrations location " + location + " is not a directory ("
                    + root.toAbsolutePath() + "). Create it or fix the locations setting.");
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".sql"))::iterator) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                out.put(rel, SqlScriptParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migrations under " + root, e);
        }
    }

    // ---------------------------------------------------------------- classpath

    private static void scanClasspath(Location location, ClassLoader loader, Map<String, MigrationScript> out) {
        String base = location.path();
        Enumeration<URL> roots;
        try {
            roots = loader.getResources(base);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        }
        if (!roots.hasMoreElements()) {
            roots = indexedRoots(base, loader);
        }
        if (!roots.hasMoreElements()) {
            // Not an error: a new application may have no migrations yet. A typo would read nothing, though.
            log.warn(
                    "Migrations location {} is not on the classpath, so no revisions are read from it. Create the"
                            + " folder (under src/main/resources) or fix the locations setting.",
                    location);
        }
        while (roots.hasMoreElements()) {
            URL url = roots.nextElement();
            try {
                if ("file".equals(url.getProtocol())) {
                    scanDirectory(Paths.get(url.toURI()), base, loader, out);
                } else {
                    URLConnection connection = url.openConnection();
                    if (connection instanceof JarURLConnection jar) {
                        jar.setUseCaches(false);
                        scanJar(jar, url, base, loader, out);
                    } else if (!IndexedRoots.fromUrl(url, base, loader, out)) {
                        log.warn(
                                "Migrations location {} in {} cannot be listed and has no {}; no revisions are"
                                        + " read from it.",
                                location,
                                url,
                                RevisionIndex.FILE_NAME);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read migrations from " + url, e);
            } catch (URISyntaxException e) {
                throw new MigrationsException("Bad classpath URL " + url, e);
            }
        }
    }

    /** The roots found by their index, where folders are not resources themselves (a native image). */
    private static Enumeration<URL> indexedRoots(String base, ClassLoader loader) {
        List<URL> roots = new ArrayList<>();
        try {
            for (URL index : Collections.list(loader.getResources(base + "/" + RevisionIndex.FILE_NAME))) {
                String text = index.toString();
                roots.add(new URL(text.substring(0, text.length() - RevisionIndex.FILE_NAME.length() - 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + base, e);
        }
        return Collections.enumeration(roots);
    }

    private static void scanDirectory(Path dir, String base, ClassLoader loader, Map<String, MigrationScript> out)
            throws IOException {
        if (IndexedRoots.fromDirectory(dir, base, loader, out)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = base + "/" + dir.relativize(file).toString().replace('\\', '/');
                if (rel.endsWith(".sql")) {
                    out.put(rel, SqlScriptParser.parse(rel, Files.readString(file, StandardCharsets.UTF_8)));
                } else if (rel.endsWith(".class")) {
                    addClass(rel, loader, out);
                }
            }
        }
    }

    private static void scanJar(
            JarURLConnection connection, URL root, String base, ClassLoader loader, Map<String, MigrationScript> out)
            throws IOException {
        JarFile jar = connection.getJarFile();
        String entryName = connection.getEntryName();
        String prefix = (entryName == null || entryName.isEmpty() ? base : entryName);
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        String stripped = prefix.substring(0, prefix.length() - base.length() - 1);
        if (IndexedRoots.fromJar(jar, prefix, root, base, loader, out)) {
            return;
        }
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (entry.isDirectory() || !name.startsWith(prefix)) {
                continue;
            }
            String rel = name.substring(stripped.length());
            if (rel.endsWith(".sql")) {
                try (InputStream in = jar.getInputStream(entry)) {
                    out.put(rel, SqlScriptParser.parse(rel, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } else if (rel.endsWith(".class")) {
                addClass(rel, loader, out);
            }
        }
    }

    private static void addClass(String resource, ClassLoader loader, Map<String, MigrationScript> out) {
        if (resource.contains("$") || resource.endsWith("package-info.class")) {
            return;
        }
        String className =
                resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrationsException("Cannot load migration class " + className + ": " + e, e);
        }
        boolean isMigration = Migration.class.isAssignableFrom(type);
        Revision revision = type.getAnnotation(Revision.class);
        if (!isMigration || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            if (revision != null) {
                throw new MigrationsException("Class " + className + " has @Revision but is not a concrete class"
                        + " implementing " + Migration.class.getName() + ".");
            }
            return;
        }
        if (revision == null) {
            throw new MigrationsException("Migration class " + className + " has no @Revision annotation. Add"
                    + " @Revision(id = ..., down = ...) so it has a place in the revision graph.");
        }
        out.put(resource, new JavaMigrationScript(type.asSubclass(Migration.class), revision));
    }
}
