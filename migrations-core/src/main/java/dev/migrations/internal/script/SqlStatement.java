package dev.migrations.internal.script;

/** One statement of a SQL script and the line it starts on, for error messages. */
public record SqlStatement(String sql, int line) {}
