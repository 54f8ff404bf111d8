package dev.migrations.platform;

/**
 * One occurrence of a rule: which table, what happens there, and the safe form for this case.
 *
 * @param table the table whose size decides whether a locking rule matters, or null
 * @param message one line: what this change does here
 */
public record Hazard(SafetyRule rule, String table, String message, SafeForm safeForm) {}
