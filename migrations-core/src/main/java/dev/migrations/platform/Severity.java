package dev.migrations.platform;

/** How much a lint finding matters: errors fail {@code lint} and {@code check}, warnings and notes are reported. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    /** Lower case, as reports and settings spell it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
