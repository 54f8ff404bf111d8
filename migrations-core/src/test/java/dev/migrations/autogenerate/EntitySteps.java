package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.api.ScriptFormat;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.platform.Platforms;
import dev.migrations.schema.SchemaSnapshot;
import dev.migrations.testing.Catalog;
import dev.migrations.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

/**
 * A developer's loop over entity versions on one database: boot Hibernate on the entities,
 * autogenerate a Java revision, compile it, upgrade, and require the next diff to be empty; going
 * back one revision must leave the catalog exactly as it was before (constraint texts and defaults
 * included, compared as the catalog spells them).
 */
final class EntitySteps {

    private final TestDatabase db;
    private final GeneratedRevisions revisions;
    private final ScriptFormat format;

    EntitySteps(TestDatabase db, Path dir) {
        this(db, dir, ScriptFormat.JAVA);
    }

    /** Steps written as {@code format} files (SQL files land where the engine reads them). */
    EntitySteps(TestDatabase db, Path dir, ScriptFormat format) {
        this.db = db;
        this.revisions = new GeneratedRevisions(dir);
        this.format = format;
    }

    GeneratedRevisions revisions() {
        return revisions;
    }

    /** Generates, compiles and applies the revision to {@code entities}; returns its source. */
    String step(List<Class<?>> entities, String message) throws Exception {
        HibernateBoot.Captured captured = HibernateBoot.capture(db, entities, "none");
        String source = revisions.write(db, captured.schema(), captured.hints(), message, format);
        revisions.migrations(db).upgrade("heads");
        SchemaDiff next = diff(captured.schema(), captured.hints());
        assertThat(next.changes()).as("the diff after applying:%n%s", source).isEmpty();
        assertThat(next.notes()).as("applied rename hints are ignored silently").noneMatch(n -> n.contains("Rename"));
        return source;
    }

    /** {@link #step}, then downgrade -1 must restore the catalog byte for byte, and upgrade again. */
    String stepAndBack(List<Class<?>> entities, String message) throws Exception {
        Catalog before = Catalog.read(db);
        String source = step(entities, message);
        revisions.migrations(db).downgrade("-1");
        assertThat(Catalog.read(db))
                .as("downgrade -1 restores the catalog:%n%s", source)
                .isEqualTo(before);
        revisions.migrations(db).upgrade("heads");
        return source;
    }

    SchemaDiff diff(SchemaSnapshot entities, Renames hints) throws Exception {
        Autogenerate autogenerate = new Autogenerate(
                Platforms.named(db.kind().name()),
                null,
                Set.of("migrations_version", "migrations_history"),
                SchemaComparator.UnmanagedTables.REPORT);
        try (Connection c = db.dataSource().getConnection()) {
            return autogenerate.diff(c, entities, hints);
        }
    }
}
