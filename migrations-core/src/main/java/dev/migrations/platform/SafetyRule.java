package dev.migrations.platform;

/**
 * One lint rule, as the rule table lists it.
 *
 * @param id the stable id that settings, {@code lintIgnore} and reports use: {@code index-not-concurrent}
 * @param title what it finds, in a few words
 * @param why what goes wrong in production
 * @param safeForm the safe way, in general terms (each finding spells it for its own case)
 * @param severity the severity unless configured otherwise
 * @param kind what is at stake; the table-size threshold applies to {@link Kind#LOCKING} rules only
 * @param oncePerRevision reported once per revision however many statements trigger it
 */
public record SafetyRule(
        String id, String title, String why, String safeForm, Severity severity, Kind kind, boolean oncePerRevision) {

    /** What a rule protects. */
    public enum Kind {
        /** A lock or a rewrite that stalls the application while it lasts: harmless on a small table. */
        LOCKING,
        /** Data loss, or a change the running (previous) application version trips over. */
        COMPATIBILITY,
        /** Revisions that are hard to review, undo or recover. */
        HYGIENE
    }

    public SafetyRule(String id, String title, String why, String safeForm, Severity severity, Kind kind) {
        this(id, title, why, safeForm, severity, kind, false);
    }

    public boolean locking() {
        return kind == Kind.LOCKING;
    }
}
