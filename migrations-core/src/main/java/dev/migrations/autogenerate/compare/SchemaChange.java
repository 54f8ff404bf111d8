package dev.migrations.autogenerate.compare;

import dev.migrations.ops.Operation;

/**
 * One step of a generated migration.
 *
 * @param upgrade the operation that brings the database closer to the entities
 * @param downgrade its reverse, or null when the step cannot be undone automatically
 * @param warning why a person should read this step before it runs (data loss, a cast that can
 *     fail, a backfill to write), or null
 * @param needsEdit whether the step needs code a person must add (a backfill) before it can run
 */
public record SchemaChange(Operation upgrade, Operation downgrade, String warning, boolean needsEdit) {}
