package dev.migrations.platform;

import dev.migrations.schema.Table;
import java.util.Optional;

/** What the lint knows around one change, for a platform's {@link SafetyRules}. */
public interface SafetyContext {

    /** Whether the change runs inside the revision's transaction (its statements commit together). */
    boolean inTransaction();

    /**
     * Whether the table is new: created by this revision, or by an earlier one of the same run that
     * the database does not have yet. A new table is empty, so nothing waits for its locks.
     */
    boolean isNew(String table);

    /** The table as it is before this change, when known (the live catalog and the changes before). */
    Optional<Table> table(String table);

    /** Every table known before this change, for foreign keys that point at a table. */
    java.util.Collection<Table> tables();

    /** The table an index belongs to, when known. */
    Optional<String> tableOfIndex(String index);

    /** Whether the constraint was added NOT VALID earlier in this same transaction, and not validated since. */
    boolean addedNotValidInThisTransaction(String table, String constraint);

    /**
     * Whether a validated check constraint proves the column holds no NULL ({@code column IS NOT NULL}),
     * so that making it NOT NULL needs no scan.
     */
    boolean provenNotNull(String table, String column);

    /** The value the revision gave a session setting before this change ({@code SET name = value}). */
    Optional<String> sessionSetting(String name);

    /** The timeout the engine sets on DDL lock waits. */
    DdlSettings ddlSettings();
}
