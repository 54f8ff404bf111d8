package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.GeneratedRevision;
import dev.migrations.Migrations;
import dev.migrations.RevisionRequest;
import dev.migrations.api.ScriptFormat;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The developer's side of autogenerate in a test: write a diff as a Java revision, compile every
 * generated revision with {@code javac}, and load them into an engine from the compiled classes.
 */
final class GeneratedRevisions {

    private final Path sources;
    private final Path classes;

    GeneratedRevisions(Path dir) {
        this.sources = dir.resolve("src");
        this.classes = dir.resolve("classes");
    }

    /** An engine over the compiled revisions, writing new ones into the source directory. */
    Migrations migrations(TestDatabase db) throws Exception {
        Files.createDirectories(classes.resolve("gen/autogen"));
        Files.createDirectories(sources);
        ClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return Migrations.configure()
                .dataSource(db.dataSource())
                .locations("classpath:gen/autogen")
                .classLoader(loader)
                .generatedSourceDirectory(sources)
                .generatedSqlDirectory(classes.resolve("gen/autogen"))
                .generatedPackage("gen.autogen")
                .load();
    }

    /**
     * Has the engine autogenerate a revision from the database to {@code entities} on top of the head
     * (the plain-Java command, no Spring) and compiles it; returns its source.
     */
    String write(TestDatabase db, SchemaSnapshot entities, Renames renames, String message) throws Exception {
        return write(db, entities, renames, message, ScriptFormat.JAVA);
    }

    /** {@link #write(TestDatabase, SchemaSnapshot, Renames, String)} in the given file format. */
    String write(TestDatabase db, SchemaSnapshot entities, Renames renames, String message, ScriptFormat format)
            throws Exception {
        return Files.readString(write(
                        db,
                        RevisionRequest.of(message)
                                .format(format)
                                .autogenerate(new RevisionRequest.Autogenerate(entities, renames, null)))
                .file());
    }

    /** Has the engine write the requested revision on {@code db}'s scripts and compiles it. */
    GeneratedRevision write(TestDatabase db, RevisionRequest request) throws Exception {
        GeneratedRevision generated = migrations(db).revision(request);
        assertThat(generated.written())
                .as("there is something to write: %s", generated.diff().changes())
                .isTrue();
        compile();
        return generated;
    }

    void compile() throws Exception {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        if (files.isEmpty()) {
            return; // SQL revisions only
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-proc:none",
                "-Xlint:all",
                "-Werror"));
        args.addAll(files);
        int status = ToolProvider.getSystemJavaCompiler().run(null, out, out, args.toArray(String[]::new));
        StringBuilder all = new StringBuilder();
        for (String file : files) {
            all.append(Files.readString(Path.of(file))).append('\n');
        }
        assertThat(status)
                .as("the generated Java compiles without warnings:%n%s%n%s", out, all)
                .isZero();
    }
}
