package dev.migrations.test;

/** The built-in checks, in the order {@link MigrationsTest} runs them. */
public enum MigrationCheck {

    /** The scripts have exactly the expected number of heads (one, unless configured). */
    SINGLE_HEAD("single head"),

    /**
     * The safety lint finds no error in the revisions after the lint baseline (all of them without
     * one): nothing that locks a busy table, rewrites it, or breaks the running application version.
     */
    LINT("lint"),

    /** Every revision applies, in graph order, on an empty database. */
    UPGRADE_FROM_BASE("upgrade from base"),

    /** At the heads, autogenerate finds no difference between the entities and the database. */
    MODEL_MATCHES_SCHEMA("model matches schema"),

    /** Each revision in turn upgrades, downgrades back to the schema it started from, and upgrades again. */
    STAIRWAY("stairway"),

    /** Base to heads to base leaves nothing behind but the engine's own tables. */
    DOWNGRADE_LEAVES_NO_TRACE("downgrade leaves no trace");

    private final String displayName;

    MigrationCheck(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
