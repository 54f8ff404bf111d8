package dev.migrations.boot.autoconfigure;

import dev.migrations.index.IndexedLocation;
import dev.migrations.internal.script.Location;
import java.util.List;
import java.util.Optional;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;

/**
 * Runtime hints made from the build-time revision index: exactly the index, the SQL files and the
 * Java revision classes (whose constructor the engine calls) of each location, so a native image
 * keeps what the engine reads and nothing is found by scanning. A classpath location without an index
 * keeps Boot's approach for Flyway, a pattern over the folder, as does one with {@code {vendor}} (the
 * database is not known at build time); {@code filesystem:} locations need none.
 */
final class MigrationsIndexHints {

    private MigrationsIndexHints() {}

    static void register(RuntimeHints hints, ClassLoader classLoader, List<String> locations) {
        for (String location : locations) {
            if (Location.parse(location).kind() != Location.Kind.CLASSPATH) {
                continue;
            }
            if (location.contains("{vendor}")) {
                // the database is not known at build time: keep every vendor's folder
                hints.resources()
                        .registerPattern(Location.parse(location.replace("{vendor}", "*"))
                                        .path() + "/**");
                continue;
            }
            Optional<IndexedLocation> indexed = IndexedLocation.find(classLoader, location);
            if (indexed.isEmpty()) {
                hints.resources().registerPattern(Location.parse(location).path() + "/**");
                continue;
            }
            IndexedLocation index = indexed.get();
            hints.resources().registerPattern(index.indexResource());
            index.sqlResources().forEach(hints.resources()::registerPattern);
            for (String className : index.javaClasses()) {
                hints.reflection()
                        .registerType(TypeReference.of(className), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
            }
        }
    }
}
