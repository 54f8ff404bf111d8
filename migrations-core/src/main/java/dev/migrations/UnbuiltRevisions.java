package dev.migrations;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.graph.RevisionGraph;
import dev.migrations.internal.script.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Revision files in the directories {@code revision} writes to that the running application does not
 * contain: written after it was built (generate, forget to rebuild, generate again). Autogenerate would
 * then write the same change a second time, on a second head. Only directories the configured
 * classpath locations are built from are looked at.
 */
final class UnbuiltRevisions {

    private static final Pattern JAVA_ID =
            Pattern.compile("@Revision\\s*\\([^)]*?\\bid\\s*=\\s*\"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern SQL_ID = Pattern.compile("(?m)^--\\s*revision\\s*:\\s*(\\S+)");

    private UnbuiltRevisions() {}

    /** Fails naming the files and what to do, when there are any. */
    static void requireNone(EngineSettings settings, RevisionGraph graph) {
        List<String> unbuilt = new ArrayList<>();
        EngineSettings.GeneratedFiles files = settings.generated();
        for (Location location : settings.locations()) {
            if (location.kind() != Location.Kind.CLASSPATH) {
                continue; // read from disk at run time: never out of date
            }
            if (location.path().equals(files.packageName().replace('.', '/'))) {
                collect(files.sourceDirectory().resolve(location.path()), ".java", JAVA_ID, graph, unbuilt);
            }
            if (files.sqlDirectory().normalize().toString().replace('\\', '/').endsWith(location.path())) {
                collect(files.sqlDirectory(), ".sql", SQL_ID, graph, unbuilt);
            }
        }
        if (!unbuilt.isEmpty()) {
            throw new MigrationsException("Revision file(s) " + String.join(", ", unbuilt) + " are not part of the"
                    + " running application: it was built before they were written. Rebuild it (./mvnw compile, or"
                    + " your IDE's build) and run the command again; otherwise autogenerate would write the same"
                    + " change again, on a second head.");
        }
    }

    private static void collect(Path directory, String suffix, Pattern id, RevisionGraph graph, List<String> out) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                Matcher m = id.matcher(Files.readString(file));
                if (m.find() && !graph.contains(m.group(1))) {
                    out.add(file + " (revision " + m.group(1) + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory, e);
        }
    }
}
