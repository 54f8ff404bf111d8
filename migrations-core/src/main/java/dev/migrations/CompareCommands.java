package dev.migrations;

import dev.migrations.api.MigrationsException;
import dev.migrations.api.Validation;
import dev.migrations.autogenerate.Autogenerate;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.schema.SchemaSnapshot;

/** Autogenerate's comparison and {@code check}: the entities against the live database. */
final class CompareCommands {

    private final Engine engine;
    private final ReadCommands read;

    public CompareCommands(Engine engine, ReadCommands read) {
        this.engine = engine;
        this.read = read;
    }

    /**
     * What {@code entities} need that the database lacks, and the reverse. The database must be at
     * the scripts' heads, as Alembic requires, or the diff would repeat what pending revisions do.
     */
    public SchemaDiff compareWith(
            SchemaSnapshot entities, Renames renames, SchemaComparator.UnmanagedTables unmanaged) {
        Validation validation = read.validate();
        if (!validation.upToDate()) {
            throw new MigrationsException("Target database is not up to date: it is at "
                    + (validation.currentHeads().isEmpty() ? "base" : String.join(", ", validation.currentHeads()))
                    + " and the scripts' heads are " + String.join(", ", validation.scriptHeads())
                    + ". Run `migrations upgrade heads` first, then compare again.");
        }
        return engine.withConnection(
                c -> new Autogenerate(engine.platform(c), engine.settings().schema(), engine.ownTables(), unmanaged)
                        .diff(c, entities, renames));
    }

    /** Everything the entities need on an empty database, whatever this one holds: a baseline's steps. */
    SchemaDiff baseline(SchemaSnapshot entities) {
        return engine.withConnection(c -> new Autogenerate(
                        engine.platform(c),
                        engine.settings().schema(),
                        engine.ownTables(),
                        SchemaComparator.UnmanagedTables.REPORT)
                .fromEmptyDatabase(c, entities));
    }

    /**
     * {@code check}: fails unless the database is at the scripts' heads with no checksum drift, then
     * compares it with the entities.
     */
    public CheckResult check(SchemaSnapshot entities) {
        UnbuiltRevisions.requireNone(engine.settings(), engine.graph());
        Validation validation = read.validate();
        validation.requireValid();
        SchemaDiff diff = compareWith(entities, Renames.NONE, SchemaComparator.UnmanagedTables.REPORT);
        return new CheckResult(validation.currentHeads(), diff);
    }

    /** The live schema as autogenerate reads it, without the engine's own tables. */
    public SchemaSnapshot inspectSchema() {
        return engine.withConnection(
                c -> engine.platform(c).inspector().inspect(c, engine.settings().schema(), engine.ownTables()));
    }
}
