package dev.migrations.index;

import dev.migrations.api.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A module built as Maven builds one: resources copied to the class output first, then javac with the
 * index processor over real sources. The classes and resources it leaves are what a jar would hold.
 */
final class IndexedBuild {

    final Path sources;
    final Path classes;
    final List<String> warnings = new ArrayList<>();

    IndexedBuild(Path dir) throws IOException {
        this.sources = Files.createDirectories(dir.resolve("src"));
        this.classes = Files.createDirectories(dir.resolve("classes"));
    }

    /** A resource under the class output, as the resources step copies it before javac runs. */
    Path resource(String path, String text) throws IOException {
        Path file = classes.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    void source(String className, String text) throws IOException {
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Compiles every source with the processor; fails on a compile error, keeps the warnings. */
    IndexedBuild compile(String... options) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> args = new ArrayList<>(
                List.of("-d", classes.toString(), "-classpath", engineClasses().toString(), "--release", "17"));
        args.addAll(List.of(options));
        try (StandardJavaFileManager fm =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, fm, diagnostics, args, null, fm.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new RevisionIndexProcessor()));
            boolean ok = task.call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                    warnings.add(d.getMessage(Locale.ROOT));
                }
            }
            if (!ok) {
                throw new AssertionError("compile failed: " + diagnostics.getDiagnostics());
            }
        }
        return this;
    }

    Path index(String location) {
        return classes.resolve(location).resolve("migrations.index");
    }

    ClassLoader loader() {
        return loader(classes);
    }

    static ClassLoader loader(Path root) {
        try {
            return new URLClassLoader(new URL[] {root.toUri().toURL()}, IndexedBuild.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the engine's own classes are, for the compile class path. */
    static Path engineClasses() {
        try {
            return Path.of(Migration.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sql(String id, String down, String table) {
        return "-- revision: " + id + "\n"
                + (down == null ? "" : "-- down_revision: " + down + "\n")
                + "-- message: create " + table + "\n\n"
                + "-- +upgrade\nCREATE TABLE " + table + " (id INTEGER PRIMARY KEY);\n\n"
                + "-- +downgrade\nDROP TABLE " + table + ";\n";
    }
}
