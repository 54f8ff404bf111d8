package dev.migrations.platform;

/**
 * What a change does to one table: the lock it takes (in the database's own name for it, such as
 * {@code AccessExclusiveLock}), what that lock keeps the application from doing until the
 * transaction ends, and the work done while it is held.
 */
public record TableLock(String table, String mode, Blocks blocks, Work work) {

    /** What the application cannot do to the table while the lock is held. */
    public enum Blocks {
        NOTHING("blocks no reads or writes"),
        WRITES("blocks writes"),
        READS_AND_WRITES("blocks reads and writes");

        private final String text;

        Blocks(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The work done under the lock, which decides how long it is held. */
    public enum Work {
        METADATA("catalog only"),
        NEW_TABLE("a new table"),
        SCAN("scans every row"),
        INDEX_BUILD("builds an index"),
        REWRITE("rewrites the table"),
        DATA("changes rows"),
        READ("reads rows");

        private final String text;

        Work(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** Whether the work grows with the table's size. */
        public boolean proportionalToSize() {
            return this == SCAN || this == INDEX_BUILD || this == REWRITE || this == DATA;
        }
    }

    public boolean rewrites() {
        return work == Work.REWRITE;
    }

    @Override
    public String toString() {
        return mode + " on " + table + " (" + blocks.text() + "; " + work.text() + ")";
    }
}
