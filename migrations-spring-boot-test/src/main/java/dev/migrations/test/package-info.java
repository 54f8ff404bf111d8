/**
 * Built-in migration tests: {@link dev.migrations.test.MigrationsTest} for Spring tests, and
 * {@link dev.migrations.test.MigrationChecks} for the engine on its own.
 */
package dev.migrations.test;
