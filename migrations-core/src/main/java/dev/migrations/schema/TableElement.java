package dev.migrations.schema;

/** What {@code createTable} accepts: columns, table constraints and indexes. */
public sealed interface TableElement permits Column, Constraint, Index {}
