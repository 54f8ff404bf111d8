package dev.migrations.platform;

/**
 * What a database can do that the engine relies on. The engine asks the platform for these instead
 * of asking which database it is.
 */
public enum Capability {

    /** DDL rolls back with its transaction, so a failed revision leaves nothing behind. */
    TRANSACTIONAL_DDL("DDL inside a transaction"),
    /** After a failed statement the transaction accepts nothing but a rollback. */
    FAILED_STATEMENT_ABORTS_TRANSACTION("(aborts a transaction on error)"),
    /** Indexes can be built and dropped without blocking writes, outside a transaction only. */
    CONCURRENT_INDEXES("concurrent index builds"),
    /** A lock that keeps other processes from migrating the same database at the same time. */
    CROSS_PROCESS_LOCK("a migration lock across processes"),
    /** Sequences as schema objects. */
    SEQUENCES("sequences"),
    /** The catalog can be read for autogenerate and check. */
    AUTOGENERATE("autogenerate (reading the catalog)");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** What it is, for messages that say what a database cannot do. */
    public String description() {
        return description;
    }
}
