package dev.migrations.platform;

import dev.migrations.ops.Operation;
import dev.migrations.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * For a database whose ALTER TABLE cannot make most changes (SQLite): such changes are made by
 * rebuilding the table. Consecutive operations on one table are collected into one rebuild.
 */
public interface TableRebuilder {

    /** True when this database cannot ALTER its way to the change. */
    boolean needsRebuild(Operation operation);

    /** A rebuild starting from the table as the database stores it now. */
    Rebuild start(Connection connection, String table) throws SQLException;

    /** A rebuild starting from a known definition (offline scripts). */
    Rebuild start(Table definition);

    /** The operations collected for one table, and the statements that carry them out. */
    interface Rebuild {

        String table();

        /** The table as the collected operations leave it. */
        Table target();

        void add(Operation operation);

        /** What the collected operations were, for logs and error messages. */
        List<String> described();

        List<String> statements();

        /**
         * The database's message about a failed rebuild statement in the user's terms: the rebuild's
         * own temporary names replaced by the table's.
         */
        default String explain(String databaseMessage) {
            return databaseMessage;
        }
    }
}
