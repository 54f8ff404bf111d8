package dev.migrations;

import dev.migrations.api.ScriptFormat;
import dev.migrations.autogenerate.compare.Renames;
import dev.migrations.autogenerate.compare.SchemaComparator.UnmanagedTables;
import dev.migrations.schema.SchemaSnapshot;
import java.util.List;

/**
 * What {@code revision} writes: all optional but the message. With {@link #autogenerate} the bodies
 * are the steps from the database to the entities; without, the file is an empty scaffold.
 *
 * @param head the revision to build on ({@code head} when null, {@code base} for a new root)
 * @param splice allow {@code head} to name a revision that is not a head
 * @param format the file's format; the configured one when null
 */
public record RevisionRequest(
        String message,
        String head,
        List<String> branchLabels,
        List<String> dependsOn,
        String revId,
        boolean splice,
        ScriptFormat format,
        Autogenerate autogenerate) {

    public RevisionRequest {
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /**
     * Fill the revision from the differences between {@code entities} and the database.
     *
     * @param renames renamed tables and columns, kept as renames instead of a drop and an add
     * @param unmanagedTables what to do with tables no entity maps
     * @param baseline generate as if the database were empty (the first revision of a database that
     *     predates migrations)
     * @param safe write each change in its safe form where that is the same change in safer steps,
     *     moving what must run outside a transaction to a second, non-transactional revision
     */
    public record Autogenerate(
            SchemaSnapshot entities, Renames renames, UnmanagedTables unmanagedTables, boolean baseline, boolean safe) {

        public Autogenerate {
            renames = renames == null ? Renames.NONE : renames;
            unmanagedTables = unmanagedTables == null ? UnmanagedTables.REPORT : unmanagedTables;
        }

        public Autogenerate(SchemaSnapshot entities, Renames renames, UnmanagedTables unmanagedTables) {
            this(entities, renames, unmanagedTables, false, false);
        }

        /**
         * The first revision of a database that predates migrations: everything the entities need, as
         * if the database were empty, whatever it holds. Stamp existing databases with it.
         */
        public static Autogenerate baseline(SchemaSnapshot entities) {
            return new Autogenerate(entities, Renames.NONE, UnmanagedTables.REPORT, true, false);
        }

        /** The same request, written in safe forms ({@code --safe}) or not. */
        public Autogenerate safe(boolean inSafeForms) {
            return new Autogenerate(entities, renames, unmanagedTables, baseline, inSafeForms);
        }
    }

    public static RevisionRequest of(String message) {
        return new RevisionRequest(message, null, List.of(), List.of(), null, false, null, null);
    }

    public RevisionRequest head(String revision, boolean spliceIt) {
        return new RevisionRequest(message, revision, branchLabels, dependsOn, revId, spliceIt, format, autogenerate);
    }

    public RevisionRequest branchLabels(List<String> labels) {
        return new RevisionRequest(message, head, labels, dependsOn, revId, splice, format, autogenerate);
    }

    public RevisionRequest dependsOn(List<String> revisions) {
        return new RevisionRequest(message, head, branchLabels, revisions, revId, splice, format, autogenerate);
    }

    public RevisionRequest revId(String id) {
        return new RevisionRequest(message, head, branchLabels, dependsOn, id, splice, format, autogenerate);
    }

    public RevisionRequest format(ScriptFormat fileFormat) {
        return new RevisionRequest(message, head, branchLabels, dependsOn, revId, splice, fileFormat, autogenerate);
    }

    public RevisionRequest autogenerate(Autogenerate options) {
        return new RevisionRequest(message, head, branchLabels, dependsOn, revId, splice, format, options);
    }
}
